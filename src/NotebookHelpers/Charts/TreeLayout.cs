using NotebookHelpers.Investigation;

namespace NotebookHelpers.Charts;

/// <summary>
/// Positions a blast-radius graph as a tree for drawing: depth along x, one row per leaf along y, a parent centred on
/// its children. Walks the graph's edges depth first in their order, like the text rendering, so both show the same
/// tree: a node reached a second time becomes a reference (a dashed line), and long runs of sibling leaves with one
/// kind and relation are folded into the last one kept.
/// </summary>
internal sealed class TreeLayout
{
    private readonly BlastRadiusGraph _graph;
    private readonly Dictionary<string, Placement> _placed = new(StringComparer.Ordinal);
    private readonly List<(BlastRadiusEdge Edge, Placement From)> _references = [];
    private int _rows;

    private TreeLayout(BlastRadiusGraph graph)
    {
        _graph = graph;
    }

    /// <summary>Every drawn node, parents before children.</summary>
    public List<Placement> Placed { get; } = [];

    /// <summary>Relations to nodes drawn elsewhere in the tree.</summary>
    public List<(BlastRadiusEdge Edge, Placement From, Placement To)> References { get; } = [];

    /// <summary>Rows used.</summary>
    public int Leaves => _rows;

    /// <summary>The deepest level.</summary>
    public int MaxDepth => Placed.Count == 0 ? 0 : (int)Placed.Max(p => p.X);

    public static TreeLayout Build(BlastRadiusGraph graph)
    {
        var layout = new TreeLayout(graph);
        var root = new Placement(graph.Root, null, null, 0);
        layout._placed[root.Node.Id] = root;
        layout.Walk(root);
        layout.Fold(root);
        layout.AssignRows(root);
        layout.Collect(root);
        foreach (var (edge, from) in layout._references)
        {
            // A second relation between a parent and its own child (created, then opened) is already drawn.
            if (layout._placed.TryGetValue(edge.To, out var to) && !from.IsFoldedAway && to.Parent != from)
            {
                layout.References.Add((edge, from, to));
            }
        }

        return layout;
    }

    private void Walk(Placement parent)
    {
        foreach (var edge in _graph.EdgesFrom(parent.Node.Id))
        {
            if (_placed.ContainsKey(edge.To) || _graph.Find(edge.To) is not { } node)
            {
                _references.Add((edge, parent));
                continue;
            }

            var child = new Placement(node, parent, edge, parent.X + 1);
            _placed[node.Id] = child;
            parent.Children.Add(child);
            Walk(child);
        }
    }

    private void Fold(Placement parent)
    {
        foreach (var run in parent.Children.Where(c => c.Children.Count == 0).GroupBy(c => (c.Via!.Label, c.Node.Kind)).Where(g => g.Count() > BlastRadiusChart.FoldAbove))
        {
            var members = run.ToList();
            var stand = members[BlastRadiusChart.FoldKeep];
            stand.Folded = members.Count - BlastRadiusChart.FoldKeep;
            foreach (var away in members.Skip(BlastRadiusChart.FoldKeep + 1))
            {
                away.IsFoldedAway = true;
                _placed[away.Node.Id] = stand;
            }
        }

        foreach (var child in parent.Children)
        {
            Fold(child);
        }
    }

    private void AssignRows(Placement node)
    {
        var drawn = node.Children.Where(c => !c.IsFoldedAway).ToList();
        if (drawn.Count == 0)
        {
            node.Y = _rows++;
            return;
        }

        foreach (var child in drawn)
        {
            AssignRows(child);
        }

        node.Y = (drawn[0].Y + drawn[^1].Y) / 2;
    }

    private void Collect(Placement node)
    {
        Placed.Add(node);
        foreach (var child in node.Children.Where(c => !c.IsFoldedAway))
        {
            Collect(child);
        }
    }

    /// <summary>Where one node is drawn.</summary>
    internal sealed class Placement(BlastRadiusNode node, Placement? parent, BlastRadiusEdge? via, double x)
    {
        public BlastRadiusNode Node { get; } = node;

        public Placement? Parent { get; } = parent;

        public BlastRadiusEdge? Via { get; } = via;

        public List<Placement> Children { get; } = [];

        public double X { get; } = x;

        public double Y { get; set; }

        /// <summary>How many folded siblings this node stands for besides itself (0 for an ordinary node).</summary>
        public int Folded { get; set; }

        public bool IsFoldedAway { get; set; }
    }
}
