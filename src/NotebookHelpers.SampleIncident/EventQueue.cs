using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident;

/// <summary>
/// Orders records by time across activities. Ties keep insertion order, so the output does not depend on the
/// priority queue's internals.
/// </summary>
internal sealed class EventQueue(DateTimeOffset end) : IEventCollector
{
    private readonly PriorityQueue<TrailEvent, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    public void Add(TrailEvent record)
    {
        if (record.Time >= end)
        {
            return;
        }

        _queue.Enqueue(record, (record.Time.UtcTicks, _sequence++));
    }

    /// <summary>Removes and returns, in order, every record earlier than <paramref name="before"/>.</summary>
    public IEnumerable<TrailEvent> DrainBefore(DateTimeOffset before)
    {
        while (_queue.TryPeek(out var record, out var priority) && priority.Ticks < before.UtcTicks)
        {
            _queue.Dequeue();
            yield return record;
        }
    }
}
