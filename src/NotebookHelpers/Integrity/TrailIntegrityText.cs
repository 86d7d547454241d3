using System.Globalization;
using System.Text;
using NotebookHelpers.Investigation.Rendering;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The text form of a validation, as <c>nbh validate-trail</c> prints it: one line per problem
/// (<c>log file missing: KEY — why</c>) and per span without digests, then the chains, what was not checked (one line
/// per reason), notes, and the verdict last. Values from the evidence stay on their line (control characters are made
/// visible).
/// </summary>
public static class TrailIntegrityText
{
    /// <summary>The whole report as text.</summary>
    public static string Format(TrailIntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Validated {TextTable.Clean(Display.DisplayPath.Of(report.Root))}");
        sb.Append(c, $" from {(report.Start is { } s ? TrailIntegrityValidator.Iso(s) : "the oldest digest of each chain")}");
        sb.Append(c, $" to {(report.End is { } e ? TrailIntegrityValidator.Iso(e) : "the newest file")}").Append('\n');
        sb.Append(c, $"Public keys: {report.PublicKeys.Keys.Count}");
        if (report.PublicKeys.Keys.Count > 0)
        {
            sb.Append(" (").AppendJoin(", ", report.PublicKeys.Keys.Select(k => k.Fingerprint)).Append(')');
        }

        sb.Append('\n');
        foreach (var problem in report.PublicKeys.Problems)
        {
            sb.Append("public key problem: ").Append(TextTable.Clean(problem)).Append('\n');
        }

        foreach (var f in report.Problems)
        {
            sb.Append(f.Kind == IntegrityFileKind.Digest ? "digest " : "log file ").Append(f.Status.Name()).Append(": ")
                .Append(TextTable.Clean(f.Path)).Append(" — ").Append(TextTable.Clean(f.Reason)).Append('\n');
        }

        foreach (var g in report.Gaps)
        {
            sb.Append(c, $"gap: {g.AccountId}/{g.Region} {TrailIntegrityValidator.Iso(g.From)} to {TrailIntegrityValidator.Iso(g.To)} — {TextTable.Clean(g.Reason)}\n");
        }

        if (report.Chains.Count > 0)
        {
            sb.Append('\n').Append(TextTable.Render(["account", "region", "trail", "from (UTC)", "to (UTC)", "digests", "valid"],
                [.. report.Chains.Select(ch => (IReadOnlyList<string>)
                [
                    ch.AccountId, ch.Region, TextTable.Clean(ch.TrailName), TrailIntegrityValidator.Iso(ch.From) + (ch.Starts ? " (start)" : ""),
                    TrailIntegrityValidator.Iso(ch.To), ch.Digests.ToString("N0", c), ch.ValidDigests.ToString("N0", c),
                ])]));
        }

        foreach (var reason in report.Unchecked.GroupBy(u => u.Reason, StringComparer.Ordinal))
        {
            sb.Append(c, $"not checked: {reason.Sum(u => u.Count):N0} log file(s) — {reason.Key}: ")
                .AppendJoin(", ", reason.Select(u => string.Create(c, $"{u.AccountId}/{u.Region} ({u.Count:N0})"))).Append('\n');
        }

        foreach (var note in report.Notes)
        {
            sb.Append("note: ").Append(TextTable.Clean(note)).Append('\n');
        }

        sb.Append(report.Verdict).Append('\n');
        return sb.ToString();
    }
}
