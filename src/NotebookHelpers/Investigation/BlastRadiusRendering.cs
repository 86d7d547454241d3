using System.Globalization;
using System.Text;
using NotebookHelpers.Investigation.Rendering;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Renders a <see cref="BlastRadiusGraph"/> as a tree from its root: each edge leads to its target, a node reached
/// a second time is shown as a reference instead of being expanded again.
/// </summary>
public static class BlastRadiusRendering
{
    /// <summary>The tree as indented text with box-drawing branches.</summary>
    public static string ToText(BlastRadiusGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append(TextTable.Clean(NodeLine(graph.Root))).Append('\n');
        var expanded = new HashSet<string>(StringComparer.Ordinal) { graph.RootId };
        Text(graph, graph.RootId, "", expanded, sb);
        sb.Append(CultureInfo.InvariantCulture, $"{graph.Nodes.Count} node(s), {graph.Edges.Count} edge(s)\n");
        return sb.ToString();
    }

    /// <summary>The tree as nested HTML lists, each edge with its evidence event ids in a tooltip.</summary>
    public static string ToHtml(BlastRadiusGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder("<div class=\"nbh-blast-radius\"><ul><li><b>");
        sb.Append(HtmlText.Encode(NodeLine(graph.Root))).Append("</b>");
        var expanded = new HashSet<string>(StringComparer.Ordinal) { graph.RootId };
        Html(graph, graph.RootId, expanded, sb);
        sb.Append("</li></ul><p>").Append(graph.Nodes.Count.ToString(CultureInfo.InvariantCulture)).Append(" node(s), ")
            .Append(graph.Edges.Count.ToString(CultureInfo.InvariantCulture)).Append(" edge(s)</p></div>");
        return sb.ToString();
    }

    /// <summary>One line for a node: kind, label and, for acting nodes, their activity.</summary>
    public static string NodeLine(BlastRadiusNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var line = $"[{Kind(node.Kind)}] {node.Label}";
        if (node.Activity is { Events: > 0 } a)
        {
            line += $" — {a.Events} call(s), {a.Failed} failed, {Events.UtcTime.Text(a.First)}..{Events.UtcTime.Text(a.Last)}";
            if (node.TopCalls.Count > 0)
            {
                line += "; top: " + string.Join(", ", node.TopCalls.Select(c => $"{c.Value}×{c.Count}"));
            }
        }
        else if (node.Activity is not null)
        {
            line += " — no calls in the evidence";
        }

        return line;
    }

    private static void Text(BlastRadiusGraph graph, string id, string indent, HashSet<string> expanded, StringBuilder sb)
    {
        var edges = graph.EdgesFrom(id);
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            var last = i == edges.Count - 1;
            var target = graph.Find(edge.To)!;
            var again = !expanded.Add(edge.To);
            sb.Append(indent).Append(last ? "└─ " : "├─ ")
                .Append(TextTable.Clean($"{edge.Label} → {(again ? $"[{Kind(target.Kind)}] {target.Label} (see above)" : NodeLine(target))}"))
                .Append(CultureInfo.InvariantCulture, $"  ({edge.Evidence.Count} event(s), first {Events.UtcTime.Text(edge.First)})\n");
            if (!again)
            {
                Text(graph, edge.To, indent + (last ? "   " : "│  "), expanded, sb);
            }
        }
    }

    private static void Html(BlastRadiusGraph graph, string id, HashSet<string> expanded, StringBuilder sb)
    {
        var edges = graph.EdgesFrom(id);
        if (edges.Count == 0)
        {
            return;
        }

        sb.Append("<ul>");
        foreach (var edge in edges)
        {
            var target = graph.Find(edge.To)!;
            var again = !expanded.Add(edge.To);
            var ids = string.Join(" ", edge.Evidence.Take(20).Select(e => e.EventId));
            sb.Append("<li><span title=\"").Append(HtmlText.Encode("evidence: " + ids)).Append("\"><i>").Append(HtmlText.Encode(edge.Label)).Append("</i></span> → ")
                .Append(again ? HtmlText.Encode($"[{Kind(target.Kind)}] {target.Label} (see above)") : "<b>" + HtmlText.Encode(NodeLine(target)) + "</b>");
            if (!again)
            {
                Html(graph, edge.To, expanded, sb);
            }

            sb.Append("</li>");
        }

        sb.Append("</ul>");
    }

    private static string Kind(BlastRadiusNodeKind kind) => kind switch
    {
        BlastRadiusNodeKind.AccessKey => "key",
        BlastRadiusNodeKind.Session => "session",
        BlastRadiusNodeKind.User => "user",
        BlastRadiusNodeKind.Role => "role",
        BlastRadiusNodeKind.Group => "group",
        BlastRadiusNodeKind.LoginProfile => "password",
        BlastRadiusNodeKind.ConsoleSession => "console",
        _ => "resource",
    };
}
