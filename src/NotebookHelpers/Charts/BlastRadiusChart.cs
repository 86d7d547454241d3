using System.Globalization;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Charts;

/// <summary>
/// The blast radius drawn as a tree: the investigated key on the left, everything it spawned to the right (users,
/// keys, console passwords, sessions, instances, security groups…), one colour and symbol per kind. Hover a node for
/// its activity, a grey dot on a branch for the relation and its evidence event ids. A node reached a second way
/// (a user created and then granted AdministratorAccess) is drawn once, the other relation as a dashed line. Long
/// runs of the same leaf (fifty instances launched) are folded into one "… and N more" node.
/// </summary>
public static class BlastRadiusChart
{
    /// <summary>Siblings of the same kind and relation beyond this many are folded.</summary>
    public const int FoldAbove = 12;

    /// <summary>How many of a folded run stay drawn.</summary>
    public const int FoldKeep = 5;

    private static readonly (BlastRadiusNodeKind Kind, string Name, string Color, string Symbol)[] Kinds =
    [
        (BlastRadiusNodeKind.AccessKey, "access key", "#D55E00", "diamond"),
        (BlastRadiusNodeKind.Session, "session (temporary key)", "#E69F00", "diamond-open"),
        (BlastRadiusNodeKind.User, "IAM user", "#0072B2", "circle"),
        (BlastRadiusNodeKind.Role, "IAM role", "#56B4E9", "circle"),
        (BlastRadiusNodeKind.Group, "IAM group", "#009E73", "circle"),
        (BlastRadiusNodeKind.LoginProfile, "console password", "#CC79A7", "square"),
        (BlastRadiusNodeKind.ConsoleSession, "console sessions", "#CC79A7", "square-open"),
        (BlastRadiusNodeKind.Resource, "resource", "#999999", "triangle-right"),
    ];

    /// <summary>The blast radius of <paramref name="investigation"/>.</summary>
    public static PlotlyFigure Create(KeyInvestigation investigation)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        return Create(investigation.BlastRadius);
    }

    /// <summary>The chart of <paramref name="graph"/>.</summary>
    public static PlotlyFigure Create(BlastRadiusGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layout = TreeLayout.Build(graph);
        var figure = new PlotlyFigure("Blast radius of " + graph.Root.Label);
        figure.Layout.HoverMode = "closest";
        figure.Layout.Height = Math.Max(360, 110 + (26 * Math.Max(1, layout.Leaves)));
        foreach (var axis in new[] { figure.Layout.XAxis, figure.Layout.YAxis })
        {
            axis.Extra["showgrid"] = false;
            axis.Extra["zeroline"] = false;
            axis.Extra["showticklabels"] = false;
            axis.Extra["fixedrange"] = false;
        }

        figure.Layout.XAxis.Extra["range"] = new[] { -0.4, layout.MaxDepth + 2.6 };
        figure.Layout.YAxis.Extra["autorange"] = "reversed";
        figure.Layout.Margin["l"] = 16;
        figure.Layout.Margin["t"] = 124;

        figure.Add(Lines("relation", layout.Placed.Where(p => p.Parent is not null).SelectMany(p => Elbow(p.Parent!, p)), "#8c959f", "solid", showLegend: false));
        if (layout.References.Count > 0)
        {
            figure.Add(Lines("relation to a node drawn elsewhere", layout.References.SelectMany(r => new (double?, double?)[] { (r.From.X, r.From.Y), (r.To.X, r.To.Y), (null, null) }), "#c4c9cf", "dash", showLegend: true));
        }

        var relations = layout.Placed.Where(p => p.Via is not null).Select(p => (X: p.X - 0.5, p.Y, Text: RelationText(p.Via!, p.Folded) + string.Concat(
                graph.Edges.Where(e => e.From == p.Parent!.Node.Id && e.To == p.Node.Id && e != p.Via)
                    .Select(e => "<br>also " + PlotlyText.Encode(e.Label) + ": " + ChartText.Count(e.Evidence.Count, "event")))))
            .Concat(layout.References.Select(r => (X: (r.From.X + r.To.X) / 2, Y: (r.From.Y + r.To.Y) / 2, Text: RelationText(r.Edge, 0))))
            .ToList();
        if (relations.Count > 0)
        {
            var dots = PlotlyTrace.Scatter("relation (hover for evidence)", relations.Select(r => r.X), relations.Select(r => r.Y)).WithColor("#8c959f");
            dots.Marker!.Size = 5;
            dots.ShowLegend = false;
            figure.Add(dots.WithHoverText(relations.Select(r => r.Text)));
        }

        foreach (var (kind, name, color, symbol) in Kinds)
        {
            var nodes = layout.Placed.Where(p => p.Node.Kind == kind).ToList();
            if (nodes.Count == 0)
            {
                continue;
            }

            var trace = PlotlyTrace.Scatter(name, nodes.Select(n => n.X), nodes.Select(n => n.Y)).WithColor(color);
            trace.Mode = "markers+text";
            trace.Marker!.Extra["size"] = nodes.Select(n => n.Node.Id == graph.RootId ? 20 : 13).ToList();
            trace.Marker.Extra["symbol"] = symbol;
            trace.Marker.Extra["line"] = new Dictionary<string, object> { ["width"] = 1, ["color"] = color };
            trace.WithHoverText(nodes.Select(n => PlotlyText.Encode(NodeText(n))));
            trace.Text = nodes.Select(n => PlotlyText.Encode(ChartText.Shorten(n.Folded > 0 ? $"… and {n.Folded:N0} more" : n.Node.Label, 56))).ToList();
            // A parent's label sits above its row, clear of the branch to its children; a leaf's label to its right.
            trace.Extra["textposition"] = nodes.Select(n => n.Children.Any(c => !c.IsFoldedAway) ? "top center" : "middle right").ToList();
            trace.Extra["textfont"] = new Dictionary<string, object> { ["size"] = 11 };
            trace.Extra["cliponaxis"] = false;
            figure.Add(trace);
        }

        figure.Summary = Summarise(graph, layout);
        return figure;
    }

    private static IEnumerable<(double? X, double? Y)> Elbow(TreeLayout.Placement parent, TreeLayout.Placement child) =>
    [
        (parent.X, parent.Y), (child.X - 0.5, parent.Y), (child.X - 0.5, child.Y), (child.X, child.Y), (null, null),
    ];

    private static PlotlyTrace Lines(string name, IEnumerable<(double? X, double? Y)> points, string color, string dash, bool showLegend)
    {
        var list = points.ToList();
        var trace = PlotlyTrace.Lines(name, list.Select(p => p.X), list.Select(p => p.Y));
        trace.Line = new PlotlyLine { Color = color, Width = 1.2, Dash = dash };
        trace.ShowLegend = showLegend;
        trace.Extra["hoverinfo"] = "skip";
        return trace;
    }

    private static string NodeText(TreeLayout.Placement placement)
    {
        if (placement.Folded > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"… and {placement.Folded:N0} more reached the same way as {placement.Node.Label}");
        }

        return BlastRadiusRendering.NodeLine(placement.Node);
    }

    private static string RelationText(BlastRadiusEdge edge, int folded)
    {
        var ids = edge.Evidence.Select(e => e.EventId ?? "(no event id)").Take(3).ToList();
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"<b>{PlotlyText.Encode(edge.Label)}</b><br>{ChartText.Count(edge.Evidence.Count, "event")}, first {ChartText.Time(edge.First)} UTC<br>{string.Join("<br>", ids.Select(PlotlyText.Encode))}");
        return folded > 0 ? text + string.Create(CultureInfo.InvariantCulture, $"<br>(and {folded:N0} more like it)") : text;
    }

    private static string Summarise(BlastRadiusGraph graph, TreeLayout layout)
    {
        var kinds = Kinds
            .Select(k => (k.Name, Count: graph.Nodes.Count(n => n.Kind == k.Kind && n.Id != graph.RootId)))
            .Where(k => k.Count > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Count:N0} {k.Name}"));
        var text = $"Blast radius of {graph.Root.Label}: {ChartText.Count(graph.Nodes.Count - 1, "node")} reached ({string.Join(", ", kinds)}), {ChartText.Count(graph.Edges.Count, "relation")}.";
        if (graph.Nodes.Count == 1)
        {
            text = $"Blast radius of {graph.Root.Label}: it spawned nothing the evidence shows (no users, keys, sessions or resources).";
        }

        var folded = layout.Placed.Sum(p => p.Folded);
        return folded > 0 ? text + string.Create(CultureInfo.InvariantCulture, $" {folded:N0} similar leaves are folded in the drawing.") : text;
    }
}
