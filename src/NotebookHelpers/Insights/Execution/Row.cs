using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// One row flowing through a query: an event while it is filtered and projected, a group after <c>stats</c>.
/// Workers reuse one row per event and clone it only when a collector keeps it.
/// </summary>
internal sealed class Row
{
    public Row(int slotCount, int sortKeyCount)
    {
        Slots = new Value[slotCount];
        SortKeys = sortKeyCount == 0 ? [] : new Value[sortKeyCount];
    }

    public Value[] Slots { get; private set; }

    /// <summary>Keys captured by <c>sort</c> commands at their place in the pipeline.</summary>
    public Value[] SortKeys { get; private set; }

    public EvidenceLocation Location { get; set; }

    public LogEventContext? Context { get; set; }

    /// <summary>Input order: partition index in the high 32 bits, record index in the low; the final tie-break.</summary>
    public long Order { get; set; }

    /// <summary>The event's JSON while it is being evaluated (not kept by clones).</summary>
    public ReadOnlyMemory<byte> Json { get; set; }

    public void Reset()
    {
        Array.Clear(Slots);
        if (SortKeys.Length > 0)
        {
            Array.Clear(SortKeys);
        }

        Json = default;
        Context = null;
    }

    /// <summary><c>@message</c>: the slot when set, else the event's JSON decoded once into the slot.</summary>
    public Value Message(int slot)
    {
        var v = Slots[slot];
        if (v.IsMissing && !Json.IsEmpty)
        {
            v = Value.FromString(Encoding.UTF8.GetString(Json.Span));
            Slots[slot] = v;
        }

        return v;
    }

    public Row Clone() => new(0, 0)
    {
        Slots = (Value[])Slots.Clone(),
        SortKeys = SortKeys.Length == 0 ? [] : (Value[])SortKeys.Clone(),
        Location = Location,
        Context = Context,
        Order = Order,
    };
}
