using System.Globalization;
using System.Text;
using NotebookHelpers.Display;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Every finding over the evidence as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled), one row per
/// finding with the columns of docs/incident-report.md. Values come from attacker-controlled logs: every cell goes
/// through <see cref="CsvText"/>, so a cell a spreadsheet would read as a formula shows as text.
/// </summary>
public static class FindingsCsv
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "first", "last", "severity", "ruleId", "title", "tacticId", "techniqueId", "principal", "accessKeyId",
        "investigatedKey", "eventCount", "sourceIPs", "regions", "summary", "evidenceEventIds",
    ];

    /// <summary>The CSV of <paramref name="report"/>'s findings.</summary>
    public static string Write(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        Row(sb, Columns);
        foreach (var f in report.Investigator.Detections.Findings)
        {
            Row(sb,
            [
                report.FindingId(f),
                Time(f.First),
                Time(f.Last),
                f.Severity.ToString().ToLowerInvariant(),
                f.RuleId,
                f.Title,
                f.Rule.Attack.Tactic.Id,
                f.Rule.Attack.Id,
                f.Principal,
                f.AccessKeyId,
                FindingsJson.InvestigatedKey(report, f),
                f.EventCount.ToString(CultureInfo.InvariantCulture),
                string.Join(";", f.SourceIPs),
                string.Join(";", f.Regions),
                f.Summary,
                string.Join(";", f.Evidence.Select(e => e.EventId).OfType<string>()),
            ]);
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, IEnumerable<string?> cells)
    {
        sb.Append(CsvText.Row(cells));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
