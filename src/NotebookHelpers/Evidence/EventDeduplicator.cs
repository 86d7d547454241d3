using System.Runtime.InteropServices;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Recognises copies of an event by <c>eventID</c> and content fingerprint (<see cref="RecordFingerprint"/>), with
/// bounded memory: entries are grouped by event hour, and when more than <c>capacity</c> eventIDs are remembered
/// the oldest hours are forgotten first. A copy whose first occurrence was forgotten is returned again (and counted
/// as an event), which can only happen for evidence with more distinct events than the capacity.
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly Dictionary<EventKey, Entry> _seen = [];
    private readonly SortedDictionary<long, List<EventKey>> _hours = [];
    private readonly int _capacity;

    // Events come roughly in time order: the hour's list is usually the previous record's.
    private long _lastHour;
    private List<EventKey>? _lastHourIds;

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

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, new EventKey(record.EventIdHash), out var exists);
        if (exists)
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
        entry = new Entry { Content = record.ContentHash, Location = record.Location };
        if (hour != _lastHour || _lastHourIds is null)
        {
            if (!_hours.TryGetValue(hour, out _lastHourIds))
            {
                _hours[hour] = _lastHourIds = [];
            }

            _lastHour = hour;
        }

        _lastHourIds.Add(new EventKey(record.EventIdHash));
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

        _lastHourIds = null;
    }

    // The eventID's hash is already uniformly distributed: its low bits are the table hash (UInt128's own
    // GetHashCode mixes all 128 bits, a measurable cost per event).
    private readonly record struct EventKey(UInt128 Hash)
    {
        public override int GetHashCode() => (int)(ulong)Hash;
    }

    // A struct in the dictionary: no object per remembered event.
    private struct Entry
    {
        public UInt128 Content;
        public EvidenceLocation Location;
        public List<UInt128>? Others;
    }
}
