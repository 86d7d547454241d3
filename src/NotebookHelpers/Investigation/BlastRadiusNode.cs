namespace NotebookHelpers.Investigation;

/// <summary>
/// One principal, key, session or resource reached from the investigated key. Nodes that act (keys, sessions,
/// console sessions) carry their activity.
/// </summary>
public sealed class BlastRadiusNode
{
    internal BlastRadiusNode(string id, BlastRadiusNodeKind kind, string label)
    {
        Id = id;
        Kind = kind;
        Label = label;
    }

    /// <summary>Stable id, e.g. <c>key:AKIA…</c>, <c>user:backup</c>, <c>instance:i-…</c>.</summary>
    public string Id { get; }

    /// <summary>What the node stands for.</summary>
    public BlastRadiusNodeKind Kind { get; }

    /// <summary>A short human label.</summary>
    public string Label { get; internal set; }

    /// <summary>The node's own calls, for keys, sessions and console sessions; null for the others.</summary>
    public ActivityCounts? Activity { get; internal set; }

    /// <summary>The node's most frequent calls (name and count), for acting nodes.</summary>
    public IReadOnlyList<UsageCount> TopCalls { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Label}";
}
