using NotebookHelpers.Display;

namespace NotebookHelpers.Investigation;

/// <summary>
/// Everything an access key spawned, followed recursively: users, keys, login profiles, roles and trust changes,
/// STS sessions and what they did in turn, and resources created or changed. Nodes are in the order they were
/// reached, edges carry their evidence events. Displays itself as a tree (HTML and text); <see cref="Nodes"/> and
/// <see cref="Edges"/> feed graph charts. Build it with <see cref="BlastRadiusBuilder"/>.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class BlastRadiusGraph : NotebookHelpers.Html.IHtmlRenderable
{
    private readonly Dictionary<string, BlastRadiusNode> _nodes;

    internal BlastRadiusGraph(string rootId, IReadOnlyList<BlastRadiusNode> nodes, IReadOnlyList<BlastRadiusEdge> edges)
    {
        RootId = rootId;
        Nodes = nodes;
        Edges = edges;
        _nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>The investigated key's node id.</summary>
    public string RootId { get; }

    /// <summary>The root node.</summary>
    public BlastRadiusNode Root => _nodes[RootId];

    /// <summary>Every node, in the order reached.</summary>
    public IReadOnlyList<BlastRadiusNode> Nodes { get; }

    /// <summary>Every edge, in the order found.</summary>
    public IReadOnlyList<BlastRadiusEdge> Edges { get; }

    /// <summary>The node with <paramref name="id"/>, or null.</summary>
    public BlastRadiusNode? Find(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>Nodes of one kind.</summary>
    public IReadOnlyList<BlastRadiusNode> OfKind(BlastRadiusNodeKind kind) => Nodes.Where(n => n.Kind == kind).ToList();

    /// <summary>Edges leaving <paramref name="id"/>, oldest first.</summary>
    public IReadOnlyList<BlastRadiusEdge> EdgesFrom(string id) =>
        Edges.Where(e => e.From == id).OrderBy(e => e.First).ThenBy(e => e.Kind).ThenBy(e => e.To, StringComparer.Ordinal).ToList();

    /// <summary>Every access key and session id in the graph (the root included).</summary>
    public IReadOnlyList<string> AccessKeyIds =>
        Nodes.Where(n => n.Kind is BlastRadiusNodeKind.AccessKey or BlastRadiusNodeKind.Session).Select(n => n.Id["key:".Length..]).ToList();

    /// <summary>The tree as nested HTML lists; labels from the logs are encoded.</summary>
    public string ToHtml() => BlastRadiusRendering.ToHtml(this);

    /// <summary>The tree as indented text.</summary>
    public override string ToString() => BlastRadiusRendering.ToText(this);

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer) => NotebookHelpers.Html.HtmlStyles.WriteStyledBlock(writer, ToHtml());

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToString());
    }
}
