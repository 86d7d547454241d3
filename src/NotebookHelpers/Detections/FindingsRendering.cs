using System.Globalization;
using System.Net;
using System.Text;
using NotebookHelpers.Investigation.Rendering;

namespace NotebookHelpers.Detections;

/// <summary>HTML and text renderings of findings. Every value that comes from the logs is HTML-encoded.</summary>
public static class FindingsRendering
{
    private const int MaxTextSummary = 160;

    /// <summary>An HTML table of <paramref name="result"/>'s findings, with a header line of counts.</summary>
    public static string ToHtml(DetectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("<div class=\"nbh-findings\">");
        sb.Append("<p><b>").Append(result.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append(" finding(s)</b> from ")
            .Append(result.Rules.Count.ToString(CultureInfo.InvariantCulture)).Append(" rules over ")
            .Append(result.EventsExamined.ToString(CultureInfo.InvariantCulture)).Append(" events");
        foreach (var (severity, count) in result.CountsBySeverity())
        {
            sb.Append(' ').Append(SeverityBadge(severity)).Append('×').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append("</p>");
        sb.Append(FindingsTable(result.Findings));
        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>An HTML table of <paramref name="findings"/>; rule explanation and action in each row's tooltip and details.</summary>
    public static string FindingsTable(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sb = new StringBuilder();
        sb.Append("<table class=\"nbh-table\"><thead><tr><th>first (UTC)</th><th>last (UTC)</th><th>severity</th><th>rule</th>")
            .Append("<th>ATT&amp;CK</th><th>principal</th><th>access key</th><th>summary</th><th>events</th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            sb.Append("<tr>")
                .Append(HtmlText.Cell(f.First.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append(HtmlText.Cell(f.Last.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append("<td>").Append(SeverityBadge(f.Severity)).Append("</td>")
                .Append("<td title=\"").Append(HtmlText.Encode(f.Rule.Explanation)).Append("\"><b>").Append(HtmlText.Encode(f.Title))
                .Append("</b><br/><code>").Append(HtmlText.Encode(f.RuleId)).Append("</code></td>")
                .Append("<td><a href=\"").Append(HtmlText.Encode(f.Rule.Attack.Url)).Append("\">")
                .Append(HtmlText.Encode(f.Rule.Attack.Id)).Append("</a> ").Append(HtmlText.Encode(f.Rule.Attack.Tactic.Name)).Append("</td>")
                .Append(HtmlText.Cell(f.Principal))
                .Append(HtmlText.Cell(f.AccessKeyId))
                .Append("<td>").Append(HtmlText.Encode(f.Summary))
                .Append("<details><summary>what to do</summary>").Append(HtmlText.Encode(f.Rule.RecommendedAction)).Append("</details></td>")
                .Append("<td><details><summary>").Append(f.EventCount.ToString(CultureInfo.InvariantCulture)).Append("</summary><ul>");
            foreach (var e in f.Evidence.Take(20))
            {
                sb.Append("<li><code>").Append(HtmlText.Encode(e.EventId ?? "(no eventID)")).Append("</code> ")
                    .Append(HtmlText.Encode(e.EventName)).Append(" — ").Append(HtmlText.Encode(e.Location.ToString())).Append("</li>");
            }

            // EventCount, not Evidence.Count: the evidence kept per finding is capped (DetectionOptions.MaxEvidencePerFinding).
            var shown = Math.Min(20, f.Evidence.Count);
            if (f.EventCount > shown)
            {
                sb.Append("<li>… ").Append((f.EventCount - shown).ToString(CultureInfo.InvariantCulture)).Append(" more</li>");
            }

            sb.Append("</ul></details></td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>A fixed-width text table of <paramref name="findings"/>, one per line.</summary>
    public static string ToText(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var rows = findings.Select(f => new[]
        {
            f.First.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            f.Severity.ToString().ToLowerInvariant(),
            f.RuleId,
            f.Principal ?? "-",
            f.AccessKeyId ?? "-",
            f.EventCount.ToString(CultureInfo.InvariantCulture),
            f.Summary.Length > MaxTextSummary ? f.Summary[..(MaxTextSummary - 1)] + "…" : f.Summary,
        }).ToList();
        return TextTable.Render(["first (UTC)", "severity", "rule", "principal", "access key", "events", "summary"], rows);
    }

    /// <summary>A coloured severity label.</summary>
    public static string SeverityBadge(Severity severity)
    {
        var colour = severity switch
        {
            Severity.Critical => "#7b1fa2",
            Severity.High => "#c62828",
            Severity.Medium => "#ef6c00",
            Severity.Low => "#f9a825",
            _ => "#607d8b",
        };
        return $"<span style=\"background:{colour};color:#fff;border-radius:3px;padding:0 4px\">{WebUtility.HtmlEncode(severity.ToString().ToLowerInvariant())}</span>";
    }
}
