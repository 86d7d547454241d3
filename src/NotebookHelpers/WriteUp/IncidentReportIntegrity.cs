using System.Globalization;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Html;
using NotebookHelpers.Integrity;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// The report's "Evidence integrity" section and its summary sentence: whether the trail copy the report rests on is
/// what CloudTrail delivered (digest chain, signatures, log file hashes), what each status means for the conclusions,
/// and every problem with its finding id.
/// </summary>
internal static class IncidentReportIntegrity
{
    public const string SectionId = "integrity";

    public const string SectionTitle = "Evidence integrity";

    private static readonly (IntegrityStatus Status, string Meaning)[] Meanings =
    [
        (IntegrityStatus.Valid, "digest signed with CloudTrail's key and chained; log file hashes match: exactly what CloudTrail delivered"),
        (IntegrityStatus.Modified, "changed after delivery (or unreadable): its content cannot be relied on"),
        (IntegrityStatus.Missing, "listed by a digest but gone: deleted, or not fetched; events in it are absent from this copy"),
        (IntegrityStatus.NotCovered, "no digest lists it: delivered before validation was on or after the last digest, or added by someone else"),
        (IntegrityStatus.InvalidSignature, "the digest was not signed by CloudTrail: it and the hashes it lists prove nothing"),
        (IntegrityStatus.Unverified, "cannot be decided here (no signature in a plain copy, no public key): validate it before relying on it"),
    ];

    /// <summary>The summary's sentence about the trail copy, when it was validated.</summary>
    public static IEnumerable<string> Summary(TrailIntegrityReport? integrity)
    {
        if (integrity is null)
        {
            yield break;
        }

        var c = CultureInfo.InvariantCulture;
        var digests = integrity.Files.Count(f => f.Kind == IntegrityFileKind.Digest);
        var logs = integrity.Files.Count(f => f.Kind == IntegrityFileKind.LogFile);
        if (integrity.IsValid)
        {
            yield return string.Create(c, $"The trail copy is what CloudTrail delivered: {digests:N0} signed digest files and the {logs:N0} log files they list validate (see Evidence integrity).");
            yield break;
        }

        var problems = integrity.Problems.GroupBy(f => (f.Kind, f.Status)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Status)
            .Select(g => string.Create(c, $"{g.Count():N0} {(g.Key.Kind == IntegrityFileKind.Digest ? "digest" : "log file")}{(g.Count() == 1 ? "" : "s")} {g.Key.Status.Name()}"))
            .Concat(integrity.Gaps.Count == 0 ? [] : [string.Create(c, $"{integrity.Gaps.Count:N0} span(s) without digests")]);
        yield return $"The trail copy is not what CloudTrail delivered: {string.Join(", ", problems)}. What it lacks may be what happened; other copies (CloudWatch Logs, Event History, the other account of a cross-account call) may still hold it (see Evidence integrity).";
    }

    public static void Write(IncidentReport report, TextWriter w)
    {
        if (report.Options.Integrity is not { } integrity)
        {
            w.Write("<p>");
            HtmlText.Write(w, "No digest files were in the evidence, so nothing shows whether it is what CloudTrail delivered. Event History and CloudWatch Logs have no digests; " +
                              "validate the trail's S3 copy (nbh validate-trail s3://BUCKET --start … --end … --evidence DIR) and keep the output with the report.");
            w.Write("</p>");
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var ids = report.Investigator.Detections.ForRule(new TrailIntegrityBrokenRule().Id).Select(report.FindingId).ToList();
        w.Write("<p><b>");
        HtmlText.Write(w, integrity.Verdict);
        w.Write("</b></p><p>");
        var root = report.Options.Manifest?.Cite(new Evidence.EvidenceLocation(integrity.Root)) ?? Path.GetFileName(integrity.Root);
        var keys = string.Join(", ", integrity.PublicKeys.Keys.Select(k => k.Fingerprint).DefaultIfEmpty("none"));
        HtmlText.Write(w, string.Create(c, $"Validated as aws cloudtrail validate-logs does, offline: {root}, {integrity.Chains.Count} digest chain(s), public key(s) {keys}") +
                          (ids.Count > 0 ? $"; finding(s) {string.Join(", ", ids)}." : "."));
        w.Write("</p>");
        foreach (var warning in integrity.PublicKeys.Problems.Concat(integrity.Notes))
        {
            w.Write("<div class=\"nbh-warning\">");
            HtmlText.Write(w, warning);
            w.Write("</div>");
        }

        IncidentReportHtml.Table(w, ["account", "region", "trail", "from – to", "digests", "valid"], integrity.Chains.Select(ch => new[]
        {
            HtmlText.Encode(ch.AccountId), HtmlText.Encode(ch.Region), HtmlText.Encode(ch.TrailName),
            HtmlText.Encode($"{TrailIntegrityValidator.Iso(ch.From)} – {TrailIntegrityValidator.Iso(ch.To)}"),
            ch.Digests.ToString("N0", c), ch.ValidDigests.ToString("N0", c),
        }));
        if (integrity.Problems.Count > 0 || integrity.Gaps.Count > 0)
        {
            w.Write("<h3>Problems</h3>");
            // An object key has no spaces: it breaks anywhere, so the reason beside it keeps its width.
            IncidentReportHtml.Table(w, ["status", "file", "why"], [12, 50, 38], integrity.Problems.Select(f => new[]
                {
                    "<span class=\"nbh-nowrap\">" + HtmlText.Encode(f.Status.Name()) + "</span>",
                    HtmlText.Encode(f.Kind == IntegrityFileKind.Digest ? "digest " : "log file ") + "<code class=\"nbh-break\">" + HtmlText.Encode(f.Path) + "</code>",
                    HtmlText.Encode(f.Reason),
                })
                .Concat(integrity.Gaps.Select(g => new[]
                {
                    "gap", HtmlText.Encode($"{g.AccountId}/{g.Region} {TrailIntegrityValidator.Iso(g.From)} – {TrailIntegrityValidator.Iso(g.To)}"), HtmlText.Encode(g.Reason),
                })));
        }

        if (integrity.UncheckedCount > 0)
        {
            w.Write("<details><summary>");
            HtmlText.Write(w, string.Create(c, $"Not checked: {integrity.UncheckedCount:N0} log file(s) outside what the digests cover"));
            w.Write("</summary>");
            IncidentReportHtml.Table(w, ["log files", "why", "accounts and regions"], integrity.Unchecked.GroupBy(u => u.Reason, StringComparer.Ordinal).Select(g => new[]
            {
                g.Sum(u => u.Count).ToString("N0", c), HtmlText.Encode(g.Key),
                HtmlText.Encode(string.Join(", ", g.Select(u => string.Create(c, $"{u.AccountId}/{u.Region} ({u.Count:N0})")))),
            }));
            w.Write("</details>");
        }

        w.Write("<details><summary>What each status means for the investigation</summary>");
        IncidentReportHtml.Table(w, ["status", "meaning"], Meanings.Select(m => new[] { HtmlText.Encode(m.Status.Name()), HtmlText.Encode(m.Meaning) }));
        w.Write("</details>");
    }
}
