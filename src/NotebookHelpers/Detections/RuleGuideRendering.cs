using System.Globalization;
using System.Text;
using NotebookHelpers.Html;

namespace NotebookHelpers.Detections;

/// <summary>
/// What each rule behind a set of findings means, as prose a reader can follow: one block per rule (id, severity,
/// how many findings, ATT&amp;CK technique) with what it catches, what to do, its known false positives and the Logs
/// Insights query that finds the same on the live service. Prose does not belong in a grid of eight columns.
/// </summary>
public static class RuleGuideRendering
{
    /// <summary>The guide for the rules of <paramref name="findings"/>, highest severity first, then by rule id.</summary>
    public static HtmlFragment For(IEnumerable<Finding> findings, string title)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(title);
        var rules = findings.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (Rule: g.First().Rule, Count: g.Count(), Severity: g.Max(f => f.Severity)))
            .OrderByDescending(r => r.Severity).ThenBy(r => r.Rule.Id, StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<div class=\"nbh-title\"><strong>").Append(HtmlText.Encode(title)).Append("</strong></div>");
        var text = new StringBuilder(title).Append('\n');
        if (rules.Count == 0)
        {
            html.Append("<div class=\"nbh-none\">none</div>");
            text.Append("none\n");
        }

        foreach (var (rule, count, severity) in rules)
        {
            var findingsText = string.Create(CultureInfo.InvariantCulture, $"{count:N0} finding{(count == 1 ? "" : "s")}");
            var technique = $"{rule.Attack.Id} {rule.Attack.Name} ({rule.Attack.Tactic.Name})";
            html.Append("<section class=\"nbh-rule\"><h4><code>").Append(HtmlText.Encode(rule.Id)).Append("</code> ")
                .Append(FindingsRendering.SeverityBadge(severity)).Append(" · ").Append(HtmlText.Encode(findingsText)).Append(" · <a href=\"")
                .Append(HtmlText.Encode(rule.Attack.Url)).Append("\">").Append(HtmlText.Encode(rule.Attack.Id)).Append("</a> ")
                .Append(HtmlText.Encode($"{rule.Attack.Name} ({rule.Attack.Tactic.Name})")).Append("</h4><dl>");
            Item(html, "What it catches", rule.Explanation);
            Item(html, "What to do", rule.RecommendedAction);
            Item(html, "False positives", rule.FalsePositives);
            html.Append("<dt>Logs Insights query</dt><dd><pre>").Append(HtmlText.Encode(rule.InsightsQuery)).Append("</pre></dd></dl></section>");
            text.Append('\n').Append(rule.Id).Append(" · ").Append(severity.ToString().ToLowerInvariant()).Append(" · ").Append(findingsText)
                .Append(" · ").Append(technique).Append('\n')
                .Append("  What it catches: ").Append(rule.Explanation).Append('\n')
                .Append("  What to do: ").Append(rule.RecommendedAction).Append('\n')
                .Append("  False positives: ").Append(rule.FalsePositives).Append('\n')
                .Append("  Logs Insights query: ").Append(rule.InsightsQuery.ReplaceLineEndings(" ")).Append('\n');
        }

        return new HtmlFragment(html.ToString(), text.ToString());
    }

    private static void Item(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(HtmlText.Encode(name)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
}
