using System.IO.Compression;
using System.Security.Cryptography;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Writes the trail's S3 objects as CloudTrail delivers them: about every five minutes per account and region with
/// activity, one to three objects per window, each <c>{"Records":[...]}</c> gzipped. A record lands in the window in
/// which it was delivered (event time plus a delay of up to five minutes), and records within an object follow
/// delivery order, so objects overlap in time and are not perfectly sorted, as in real trails.
/// </summary>
internal sealed class TrailDeliveryWriter : IRecordSink
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly byte[] Prefix = "{\"Records\":["u8.ToArray();
    private static readonly byte[] Suffix = "]}"u8.ToArray();

    private readonly string _root;
    private readonly CompressionLevel _level;
    private readonly DeterministicRandom _random;
    private readonly Action<DeliveredLogFile> _delivered;
    private readonly BackgroundWriter _writer;
    private long _bytesWritten;
    // Open windows by end time, then by account and region; only a few window ends are open at once.
    private readonly SortedDictionary<long, Dictionary<(string Account, string Region), List<Pending>>> _open = new();
    private long _sequence;

    public TrailDeliveryWriter(string root, long seed, CompressionLevel level, BackgroundWriter writer, Action<DeliveredLogFile> delivered)
    {
        _writer = writer;
        _root = root;
        _level = level;
        _random = DeterministicRandom.Create(seed, "trail-delivery");
        _delivered = delivered;
    }

    public int FilesWritten { get; private set; }

    public long RecordsWritten { get; private set; }

    /// <summary>Compressed bytes written; complete once the <see cref="BackgroundWriter"/> has completed.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public void Accept(SerializedEvent record)
    {
        var e = record.Event;
        var roll = _random.NextDouble();
        var delaySeconds = roll < 0.85 ? _random.Between(25, 150) : roll < 0.98 ? _random.Between(150, 270) : _random.Between(270, 299);
        var deliveredAt = e.Time.AddSeconds(delaySeconds);
        var end = CeilingToWindow(deliveredAt);
        if (!_open.TryGetValue(end.UtcTicks, out var windows))
        {
            _open[end.UtcTicks] = windows = [];
        }

        var key = (e.RecipientAccountId, e.Region);
        if (!windows.TryGetValue(key, out var list))
        {
            windows[key] = list = [];
        }

        list.Add(new Pending(deliveredAt, _sequence++, record));
    }

    public void Advance(DateTimeOffset streamTime)
    {
        while (_open.Count > 0)
        {
            var first = _open.First();
            if (first.Key >= streamTime.UtcTicks)
            {
                break;
            }

            _open.Remove(first.Key);
            var end = new DateTimeOffset(first.Key, TimeSpan.Zero);
            foreach (var ((account, region), records) in first.Value.OrderBy(w => w.Key.Account, StringComparer.Ordinal).ThenBy(w => w.Key.Region, StringComparer.Ordinal))
            {
                Flush(end, account, region, records);
            }
        }
    }

    public void Complete() => Advance(DateTimeOffset.MaxValue);

    private void Flush(DateTimeOffset end, string account, string region, List<Pending> records)
    {
        // Busy windows arrive as several objects, each from its own delivery host.
        var parts = records.Count >= 150 ? 3 : records.Count >= 40 && _random.Chance(0.5) ? 2 : 1;
        var byPart = new List<Pending>[parts];
        for (var i = 0; i < parts; i++)
        {
            byPart[i] = [];
        }

        foreach (var r in records)
        {
            byPart[parts == 1 ? 0 : _random.Next(parts)].Add(r);
        }

        foreach (var part in byPart.Where(p => p.Count > 0))
        {
            part.Sort(static (a, b) => a.DeliveredAt != b.DeliveredAt ? a.DeliveredAt.CompareTo(b.DeliveredAt) : a.Sequence.CompareTo(b.Sequence));
            WriteObject(end, account, region, part);
        }
    }

    private void WriteObject(DateTimeOffset end, string account, string region, List<Pending> records)
    {
        var day = end.UtcDateTime;
        var name = $"{account}_CloudTrail_{region}_{Timestamps.FileStamp(end)}_{_random.MixedAlnum(16)}.json.gz";
        var key = $"AWSLogs/{Accounts.OrganizationId}/{account}/CloudTrail/{region}/{day:yyyy}/{day:MM}/{day:dd}/{name}";
        var path = Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
        FilesWritten++;
        RecordsWritten += records.Count;
        var oldest = records.Min(r => r.Record.Event.Time);
        var newest = records.Max(r => r.Record.Event.Time);
        // The records go to the writer thread as they are: one large array per object would land on the large
        // object heap and cost a full collection every few objects at benchmark scale.
        _writer.Enqueue(() =>
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var gz = new DeterministicGzipWriter(path, _level))
            {
                void Write(ReadOnlySpan<byte> bytes)
                {
                    gz.Write(bytes);
                    sha.AppendData(bytes);
                }

                Write(Prefix);
                for (var i = 0; i < records.Count; i++)
                {
                    if (i > 0)
                    {
                        Write(","u8);
                    }

                    Write(records[i].Record.Json);
                }

                Write(Suffix);
            }

            Interlocked.Add(ref _bytesWritten, new FileInfo(path).Length);
            _delivered(new DeliveredLogFile(account, region, key, end, Convert.ToHexStringLower(sha.GetHashAndReset()), oldest, newest));
        });
    }

    private static DateTimeOffset CeilingToWindow(DateTimeOffset t)
    {
        var ticks = t.UtcTicks;
        var window = Window.Ticks;
        var ceiling = (ticks + window - 1) / window * window;
        return new DateTimeOffset(ceiling, TimeSpan.Zero);
    }

    private readonly record struct Pending(DateTimeOffset DeliveredAt, long Sequence, SerializedEvent Record);
}
