using System.Numerics;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Recognises copies of an event by <c>eventID</c> and content fingerprint (<see cref="RecordFingerprint"/>), with
/// bounded memory: when more than <c>capacity</c> eventIDs are remembered the oldest event hours are forgotten
/// first. A copy whose first occurrence was forgotten is returned again (and counted as an event), which can only
/// happen for evidence with more distinct events than the capacity.
/// </summary>
/// <remarks>
/// Every event of a read passes through <see cref="Check"/> on the reader's consuming thread, so this is a compact
/// open-addressing table rather than a <c>Dictionary</c>: entries are plain structs without references (the GC never
/// scans them, no write barriers), the probe table holds 4-byte indices (a lookup touches one small slot and one
/// entry), and forgetting hours compacts the entries and rebuilds the probe table in one sequential pass. Hash
/// tables keyed by the eventID's 128-bit hash cost 10% of a query's CPU before (docs/performance.md).
/// </remarks>
internal sealed class EventDeduplicator
{
    private const int InitialEntries = 1024;

    private readonly int _capacity;

    // Probe table: entry index + 1, 0 = empty; a power of two at least twice the entries' length (load ≤ 1/2).
    private int[] _table = new int[InitialEntries * 2];
    private Entry[] _entries = new Entry[InitialEntries];
    private int _count;

    // Remembered events per event hour, to forget the oldest hours first.
    private readonly Dictionary<int, int> _perHour = [];

    // Where first copies were read: files once each (records of a file share its path), and the other contents of
    // conflicting copies (rare).
    private readonly List<EvidenceLocation> _files = [];
    private string? _lastPath;
    private string? _lastEntry;
    private int _lastFile = -1;
    private readonly List<List<RecordHash>> _others = [];

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

        var id = record.EventIdHash;
        var mask = _table.Length - 1;
        var slot = (int)id.Low & mask;
        while (_table[slot] is var at && at != 0)
        {
            ref var entry = ref _entries[at - 1];
            if (entry.Id == id)
            {
                if (entry.Content == record.ContentHash || (entry.Others >= 0 && _others[entry.Others].Contains(record.ContentHash)))
                {
                    return Verdict.Duplicate;
                }

                if (entry.Others < 0)
                {
                    entry.Others = _others.Count;
                    _others.Add([]);
                }

                _others[entry.Others].Add(record.ContentHash);
                first = LocationOf(entry);
                return Verdict.Conflict;
            }

            slot = (slot + 1) & mask;
        }

        if (_count == _entries.Length)
        {
            Grow();
            slot = FreeSlot(id);
        }

        var hour = (int)(record.EventTimeTicks / TimeSpan.TicksPerHour);
        var location = record.Location;
        _entries[_count] = new Entry
        {
            Id = id,
            Content = record.ContentHash,
            Hour = hour,
            File = FileOf(location),
            Line = location.Line ?? -1,
            ByteOffset = location.ByteOffset ?? -1,
            Others = -1,
        };
        _table[slot] = ++_count;
        _perHour[hour] = _perHour.GetValueOrDefault(hour) + 1;
        if (_count > _capacity)
        {
            Evict();
        }

        return Verdict.New;
    }

    private int FileOf(in EvidenceLocation location)
    {
        if (_lastFile < 0 || !ReferenceEquals(location.Path, _lastPath) || !ReferenceEquals(location.Entry, _lastEntry))
        {
            _lastPath = location.Path;
            _lastEntry = location.Entry;
            _lastFile = _files.Count;
            _files.Add(new EvidenceLocation(location.Path, location.Entry));
        }

        return _lastFile;
    }

    private EvidenceLocation LocationOf(in Entry entry) => _files[entry.File] with
    {
        Line = entry.Line >= 0 ? entry.Line : null,
        ByteOffset = entry.ByteOffset >= 0 ? entry.ByteOffset : null,
    };

    private int FreeSlot(RecordHash id)
    {
        var mask = _table.Length - 1;
        var slot = (int)id.Low & mask;
        while (_table[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        // Never more than the capacity allows (plus the one entry that triggers forgetting).
        var size = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)_capacity + 1), (uint)_entries.Length * 2);
        Array.Resize(ref _entries, Math.Max(size, _entries.Length + 1));
        Rebuild();
    }

    // Forgets the oldest hours until at most 90% of the capacity is remembered, then compacts the entries.
    private void Evict()
    {
        var target = _capacity - (_capacity / 10);
        var hours = _perHour.Keys.ToArray();
        Array.Sort(hours);
        var remaining = _count;
        var cut = 0;
        while (remaining > target && cut < hours.Length)
        {
            remaining -= _perHour[hours[cut]];
            _perHour.Remove(hours[cut]);
            cut++;
        }

        if (cut == 0)
        {
            return;
        }

        var keepFrom = cut < hours.Length ? hours[cut] : int.MaxValue;
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Hour >= keepFrom)
            {
                _entries[kept++] = _entries[i];
            }
        }

        _count = kept;
        Rebuild();
    }

    private void Rebuild()
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)_entries.Length * 2);
        if (_table.Length != size)
        {
            _table = new int[size];
        }
        else
        {
            Array.Clear(_table);
        }

        for (var i = 0; i < _count; i++)
        {
            _table[FreeSlot(_entries[i].Id)] = i + 1;
        }
    }

    // No references: the GC neither scans nor card-marks the array.
    private struct Entry
    {
        public RecordHash Id;
        public RecordHash Content;
        public long Line;
        public long ByteOffset;
        public int Hour;
        public int File;
        public int Others;
    }
}
