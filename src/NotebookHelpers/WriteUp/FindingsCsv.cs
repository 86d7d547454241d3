using System.Globalization;
using System.Text;

namespace NotebookHelpers.WriteUp;

/// <summary>
/// Every finding over the evidence as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled), one row per
/// finding with the columns of docs/incident-report.md. Values come from attacker-controlled logs, so a cell that a
/// spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return) is prefixed with an apostrophe and shows as text.
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

    /// <summary>One cell, quoted when needed and defused when a spreadsheet would evaluate it.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder sb, IEnumerable<string?> cells)
    {
        sb.AppendJoin(',', cells.Select(Cell));
        sb.Append("\r\n");
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
