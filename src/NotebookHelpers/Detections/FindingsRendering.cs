using System.Globalization;
using System.Net;
using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Investigation.Rendering;
using HtmlText = NotebookHelpers.Investigation.Rendering.HtmlText;

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

    /// <summary>
    /// An HTML table of <paramref name="findings"/> that fits its box: when, severity, the finding (title, rule id,
    /// ATT&amp;CK technique), who, and the summary with the rule's advice and the evidence events under it (collapsed).
    /// Ids and badges never break inside; long ARNs wrap.
    /// </summary>
    public static string FindingsTable(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sb = new StringBuilder();
        if (findings.Count == 0)
        {
            return "<div class=\"nbh-none\">none</div>";
        }

        sb.Append("<table class=\"nbh-table nbh-fit nbh-findings-table\"><colgroup><col style=\"width:14%\"><col style=\"width:7%\">")
            .Append("<col style=\"width:22%\"><col style=\"width:16%\"><col style=\"width:35%\"><col style=\"width:6%\"></colgroup>")
            .Append("<thead><tr><th>when (UTC)</th><th>severity</th><th>finding</th><th>principal and key</th><th>summary</th><th>events</th></tr></thead><tbody>");
        foreach (var f in findings)
        {
            sb.Append("<tr><td class=\"nbh-time\">").Append(HtmlText.Encode(UtcTime.Text(f.First)));
            if (f.Last != f.First)
            {
                sb.Append("<br>→ ").Append(HtmlText.Encode(UtcTime.Text(f.Last)));
            }

            sb.Append("</td><td>").Append(SeverityBadge(f.Severity)).Append("</td>")
                .Append("<td class=\"nbh-wrap\" title=\"").Append(HtmlText.Encode(f.Rule.Explanation)).Append("\"><b>").Append(HtmlText.Encode(f.Title))
                .Append("</b><br><code>").Append(HtmlText.Encode(f.RuleId)).Append("</code><br><a href=\"").Append(HtmlText.Encode(f.Rule.Attack.Url)).Append("\">")
                .Append(HtmlText.Encode(f.Rule.Attack.Id)).Append("</a> ").Append(HtmlText.Encode(f.Rule.Attack.Tactic.Name)).Append("</td>")
                .Append("<td>").Append(f.Principal is null ? "—" : HtmlText.Encode(f.Principal));
            if (f.AccessKeyId is not null)
            {
                sb.Append("<br><code>").Append(HtmlText.Encode(f.AccessKeyId)).Append("</code>");
            }

            sb.Append("</td><td class=\"nbh-wrap\">").Append(HtmlText.Encode(f.Summary))
                .Append("<details><summary>what to do</summary>").Append(HtmlText.Encode(f.Rule.RecommendedAction)).Append("</details>")
                .Append("<details><summary>evidence</summary><ul>");
            foreach (var e in f.Evidence.Take(20))
            {
                sb.Append("<li><code>").Append(HtmlText.Encode(e.EventId ?? "(no eventID)")).Append("</code> ")
                    .Append(HtmlText.Encode(e.EventName)).Append(" — ").Append(HtmlText.Encode(Display.DisplayPath.Of(e.Location))).Append("</li>");
            }

            // EventCount, not Evidence.Count: the evidence kept per finding is capped (DetectionOptions.MaxEvidencePerFinding).
            var shown = Math.Min(20, f.Evidence.Count);
            if (f.EventCount > shown)
            {
                sb.Append("<li>… ").Append((f.EventCount - shown).ToString(CultureInfo.InvariantCulture)).Append(" more</li>");
            }

            sb.Append("</ul></details></td><td>").Append(f.EventCount.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
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
            UtcTime.Text(f.First),
            f.Severity.ToString().ToLowerInvariant(),
            f.RuleId,
            f.Principal ?? "-",
            f.AccessKeyId ?? "-",
            f.EventCount.ToString(CultureInfo.InvariantCulture),
            f.Summary.Length > MaxTextSummary ? f.Summary[..(MaxTextSummary - 1)] + "…" : f.Summary,
        }).ToList();
        return TextTable.Render(["first (UTC)", "severity", "rule", "principal", "access key", "events", "summary"], rows);
    }

    /// <summary>A coloured severity label (<c>.nbh-sev</c> in <see cref="Html.HtmlStyles"/>); it never breaks across lines.</summary>
    public static string SeverityBadge(Severity severity)
    {
        var name = WebUtility.HtmlEncode(severity.ToString().ToLowerInvariant());
        return $"<span class=\"nbh-sev nbh-sev-{name}\">{name}</span>";
    }
}
