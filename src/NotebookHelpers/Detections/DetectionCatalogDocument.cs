using System.Text;

namespace NotebookHelpers.Detections;

/// <summary>
/// docs/detections.md, generated from <see cref="DetectionCatalog"/>: the catalogue as a table (id, severity,
/// ATT&amp;CK tactic and technique, what it catches, known false positives) and each rule's Logs Insights query.
/// A test compares the file with this output so the documentation cannot drift from the code.
/// </summary>
public static class DetectionCatalogDocument
{
    /// <summary>The Markdown text of docs/detections.md.</summary>
    public static string ToMarkdown(IEnumerable<DetectionRule>? rules = null)
    {
        var list = (rules ?? DetectionCatalog.All).ToList();
        var sb = new StringBuilder();
        sb.Append("# Detection catalogue\n\n");
        sb.Append("Generated from `DetectionCatalog` (src/NotebookHelpers/Detections/); the test `DetectionCatalogTests` fails when this file\n");
        sb.Append("and the code disagree. Regenerate with `NBH_UPDATE_DOCS=1 dotnet test --filter DetectionCatalogTests`.\n\n");
        sb.Append("Every rule runs offline over any evidence source (`DetectionRunner.Run(events)`), and its Logs Insights query finds\n");
        sb.Append("the same candidate events on the live service. Stateful rules (bursts, baselines, after-containment) run in one\n");
        sb.Append("time-ordered pass with bounded state. Close matches of one rule by one principal and key merge into one finding.\n\n");
        sb.Append($"{list.Count} rules.\n\n");
        sb.Append("| id | severity | tactic / technique | what it catches | known false positives |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var r in list)
        {
            sb.Append("| `").Append(r.Id).Append("` | ").Append(r.Severity.ToString().ToLowerInvariant())
                .Append(r.IsStateful ? " (stateful)" : "")
                .Append(" | ").Append(r.Attack.Tactic.Id).Append(' ').Append(r.Attack.Tactic.Name).Append(" / ")
                .Append('[').Append(r.Attack.Id).Append("](").Append(r.Attack.Url).Append(") ").Append(Cell(r.Attack.Name))
                .Append(" | **").Append(Cell(r.Title)).Append("**: ").Append(Cell(r.Explanation))
                .Append(" | ").Append(Cell(r.FalsePositives)).Append(" |\n");
        }

        sb.Append("\n## Logs Insights queries and recommended actions\n");
        foreach (var r in list)
        {
            sb.Append("\n### `").Append(r.Id).Append("`\n\n");
            sb.Append("What to do: ").Append(r.RecommendedAction).Append("\n\n");
            sb.Append("```\n").Append(r.InsightsQuery).Append("\n```\n");
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
