using NotebookHelpers.Detections;

namespace NotebookHelpers.Investigation;

/// <summary>A relation between two nodes, with the events that show it.</summary>
public sealed class BlastRadiusEdge
{
    private readonly List<EvidenceEvent> _evidence = [];

    internal BlastRadiusEdge(string from, string to, BlastRadiusEdgeKind kind, string label)
    {
        From = from;
        To = to;
        Kind = kind;
        Label = label;
    }

    /// <summary>The source node's id.</summary>
    public string From { get; }

    /// <summary>The target node's id.</summary>
    public string To { get; }

    /// <summary>The relation.</summary>
    public BlastRadiusEdgeKind Kind { get; }

    /// <summary>A short description, e.g. <c>attached AdministratorAccess</c>.</summary>
    public string Label { get; }

    /// <summary>The supporting events, oldest first.</summary>
    public IReadOnlyList<EvidenceEvent> Evidence => _evidence;

    /// <summary>Time of the first supporting event.</summary>
    public DateTimeOffset First => _evidence.Count == 0 ? DateTimeOffset.MinValue : _evidence[0].EventTime;

    internal void Add(EvidenceEvent evidence)
    {
        if (!_evidence.Any(e => e.EventId == evidence.EventId && e.Location == evidence.Location))
        {
            _evidence.Add(evidence);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{From} -{Kind}-> {To}: {Label}";
}
