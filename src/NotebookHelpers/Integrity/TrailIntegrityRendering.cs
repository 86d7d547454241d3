using System.Globalization;
using NotebookHelpers.Html;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The HTML form of a validation, for notebooks and the incident report: the verdict, the chains, every problem with
/// its reason, spans without digests and what was not checked. Every value from the evidence is encoded.
/// </summary>
public static class TrailIntegrityRendering
{
    /// <summary>The tables, in display order; empty sections are left out.</summary>
    public static IReadOnlyList<HtmlTable> Tables(TrailIntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var tables = new List<HtmlTable>
        {
            new(["account", "region", "trail", "from (UTC)", "to (UTC)", "digests", "valid"],
                [.. report.Chains.Select(ch => (IReadOnlyList<string?>)
                [
                    ch.AccountId, ch.Region, ch.TrailName, TrailIntegrityValidator.Iso(ch.From) + (ch.Starts ? " (validation starts)" : ""),
                    TrailIntegrityValidator.Iso(ch.To), ch.Digests.ToString("N0", c), ch.ValidDigests.ToString("N0", c),
                ])])
            {
                Title = "Digest chains",
                Notes = [report.Verdict],
                Warnings = [.. report.PublicKeys.Problems],
            },
        };
        if (report.Problems.Count > 0)
        {
            tables.Add(new HtmlTable(["status", "kind", "key", "time (UTC)", "why", "listed by digest"],
                [.. report.Problems.Select(f => (IReadOnlyList<string?>)
                [
                    f.Status.Name(), f.Kind == IntegrityFileKind.Digest ? "digest" : "log file", f.Path, TrailIntegrityValidator.Iso(f.Time), f.Reason, f.Digest,
                ])])
            {
                Title = "Problems",
            });
        }

        if (report.Gaps.Count > 0)
        {
            tables.Add(new HtmlTable(["account", "region", "from (UTC)", "to (UTC)", "why"],
                [.. report.Gaps.Select(g => (IReadOnlyList<string?>)[g.AccountId, g.Region, TrailIntegrityValidator.Iso(g.From), TrailIntegrityValidator.Iso(g.To), g.Reason])])
            {
                Title = "Spans no digest covers",
            });
        }

        if (report.Unchecked.Count > 0 || report.Notes.Count > 0)
        {
            tables.Add(new HtmlTable(["account", "region", "log files", "why not checked"],
                [.. report.Unchecked.Select(u => (IReadOnlyList<string?>)[u.AccountId, u.Region, u.Count.ToString("N0", c), u.Reason])])
            {
                Title = "Not checked",
                Notes = [.. report.Notes],
            });
        }

        return tables;
    }

    /// <summary>Writes the tables.</summary>
    public static void WriteHtml(TrailIntegrityReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var table in Tables(report))
        {
            table.WriteHtml(writer);
        }
    }
}
