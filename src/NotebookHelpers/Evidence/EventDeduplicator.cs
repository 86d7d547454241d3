namespace NotebookHelpers.Evidence;

/// <summary>
/// Recognises copies of an event by <c>eventID</c> and content fingerprint (<see cref="RecordFingerprint"/>), with
/// bounded memory: entries are grouped by event hour, and when more than <c>capacity</c> eventIDs are remembered
/// the oldest hours are forgotten first. A copy whose first occurrence was forgotten is returned again (and counted
/// as an event), which can only happen for evidence with more distinct events than the capacity.
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly Dictionary<UInt128, Entry> _seen = [];
    private readonly SortedDictionary<long, List<UInt128>> _hours = [];
    private readonly int _capacity;

    public EventDeduplicator(int capacity)
    {
        _capacity = Math.Max(1, capacity);
    }

    public enum Verdict
    {
        New,
        Duplicate,
        Conflict,
    }

    /// <summary>Classifies a record; for a conflict, <paramref name="first"/> is where the first copy was read.</summary>
    public Verdict Check(in DecodedRecord record, out EvidenceLocation first)
    {
        first = default;
        if (!record.HasEventId)
        {
            return Verdict.New;
        }

        if (_seen.TryGetValue(record.EventIdHash, out var entry))
        {
            if (entry.Content == record.ContentHash || entry.Others?.Contains(record.ContentHash) == true)
            {
                return Verdict.Duplicate;
            }

            (entry.Others ??= []).Add(record.ContentHash);
            first = entry.Location;
            return Verdict.Conflict;
        }

        var hour = record.EventTimeTicks / TimeSpan.TicksPerHour;
        _seen[record.EventIdHash] = new Entry(record.ContentHash, hour, record.Record.Location);
        if (!_hours.TryGetValue(hour, out var ids))
        {
            _hours[hour] = ids = [];
        }

        ids.Add(record.EventIdHash);
        if (_seen.Count > _capacity)
        {
            Evict();
        }

        return Verdict.New;
    }

    private void Evict()
    {
        var target = _capacity - (_capacity / 10);
        while (_seen.Count > target && _hours.Count > 0)
        {
            var oldest = _hours.First();
            foreach (var id in oldest.Value)
            {
                _seen.Remove(id);
            }

            _hours.Remove(oldest.Key);
        }
    }

    private sealed class Entry(UInt128 content, long hour, EvidenceLocation location)
    {
        public UInt128 Content { get; } = content;

        public long Hour { get; } = hour;

        public EvidenceLocation Location { get; } = location;

        public List<UInt128>? Others { get; set; }
    }
}
