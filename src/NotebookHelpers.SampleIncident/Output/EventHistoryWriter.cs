using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Saves what <c>nbh lookup --access-key-id KEY --regions all</c> saves after the recording ends: an evidence folder
/// (<see cref="EvidenceDirectory"/>, with its <c>manifest.jsonl</c>) holding, per region,
/// <c>lookup/AccessKeyId=KEY/open--END/REGION/page-NNNN.json</c>, each the raw LookupEvents response body
/// (compact JSON, <c>EventTime</c> in epoch seconds as the API sends it, <c>CloudTrailEvent</c> as a JSON string),
/// newest first, 50 events a page, plus the sweep's <c>query.json</c>. Event History holds management events of
/// the key's own account only, so S3 data events and the analytics account's copies never appear here.
/// </summary>
internal sealed class EventHistoryWriter : IRecordSink
{
    public const int PageSize = 50;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _root;
    private readonly string _accountId;
    private readonly string _accessKeyId;
    private readonly DateTimeOffset _fetchedAt;
    private readonly DeterministicRandom _random;
    private readonly SortedDictionary<string, List<SerializedEvent>> _byRegion = new(StringComparer.Ordinal);

    public EventHistoryWriter(string root, string accountId, string accessKeyId, DateTimeOffset fetchedAt, long seed)
    {
        _root = root;
        _accountId = accountId;
        _accessKeyId = accessKeyId;
        _fetchedAt = fetchedAt;
        _random = DeterministicRandom.Create(seed, "event-history");
    }

    public int EventsWritten { get; private set; }

    public int PagesWritten { get; private set; }

    /// <summary>The sweep folder inside the evidence folder, as <see cref="EventHistorySweep.FolderFor"/> names it.</summary>
    public string SweepFolder => EventHistorySweep.FolderFor(new LookupAttribute(LookupAttributeKey.AccessKeyId, _accessKeyId), null, _fetchedAt);

    public void Accept(SerializedEvent record)
    {
        var e = record.Event;
        if (!e.ManagementEvent || e.RecipientAccountId != _accountId || e.Identity.AccessKeyId != _accessKeyId)
        {
            return;
        }

        if (!_byRegion.TryGetValue(e.Region, out var list))
        {
            _byRegion[e.Region] = list = [];
        }

        list.Add(record);
    }

    public void Advance(DateTimeOffset streamTime)
    {
    }

    public void Complete()
    {
        var evidence = EvidenceDirectory.Open(_root, new FixedClock(_fetchedAt));
        var attribute = new LookupAttribute(LookupAttributeKey.AccessKeyId, _accessKeyId);
        var folder = SweepFolder;
        var end = Stamp(_fetchedAt);
        Write(evidence, EvidenceRelativePath.Combine(folder, "query.json"),
            Encoding.UTF8.GetBytes($"{{\"attributeKey\":\"AccessKeyId\",\"attributeValue\":\"{_accessKeyId}\",\"start\":null,\"end\":\"{_fetchedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'+00:00'}\"}}"),
            $"nbh lookup {attribute}");
        foreach (var (region, records) in _byRegion)
        {
            // Records arrive in time order; Event History answers newest first.
            records.Reverse();
            var pages = Math.Max(1, (records.Count + PageSize - 1) / PageSize);
            for (var page = 0; page < pages; page++)
            {
                var slice = records.Skip(page * PageSize).Take(PageSize).ToList();
                var nextToken = page + 1 < pages ? _random.Base64(172) : null;
                var number = (page + 1).ToString("D4", CultureInfo.InvariantCulture);
                var path = EvidenceRelativePath.Combine(folder, EvidenceRelativePath.FromName(region), $"page-{number}.json");
                Write(evidence, path, RenderPage(slice, nextToken),
                    $"cloudtrail:LookupEvents region={region} {attribute} start=open end={end} page={page + 1}");
                PagesWritten++;
                EventsWritten += slice.Count;
            }
        }

        // The staging folder only holds the lock concurrent fetches take turns with; the committed sample has no fetch
        // in progress, so it is not part of the sample.
        var staging = Path.Combine(_root, Evidence.EvidenceStaging.FolderName);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void Write(EvidenceDirectory evidence, string path, byte[] content, string source) =>
        evidence.WriteAsync(path, content, source).GetAwaiter().GetResult();

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static byte[] RenderPage(List<SerializedEvent> slice, string? nextToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("Events");
            foreach (var record in slice)
            {
                var e = record.Event;
                w.WriteStartObject();
                w.WriteString("EventId", e.EventId);
                w.WriteString("EventName", e.EventName);
                w.WriteString("ReadOnly", e.ReadOnly ? "true" : "false");
                if (e.Identity.AccessKeyId is { } key)
                {
                    w.WriteString("AccessKeyId", key);
                }

                w.WritePropertyName("EventTime");
                w.WriteRawValue(EpochSeconds(e.Time));
                w.WriteString("EventSource", e.EventSource);
                if (e.Identity.HistoryUserName is { } user)
                {
                    w.WriteString("Username", user);
                }

                w.WriteStartArray("Resources");
                foreach (var (type, name) in LookupResources.Of(e))
                {
                    w.WriteStartObject();
                    w.WriteString("ResourceType", type);
                    w.WriteString("ResourceName", name);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("CloudTrailEvent", Encoding.UTF8.GetString(record.Json));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (nextToken is not null)
            {
                w.WriteString("NextToken", nextToken);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Epoch seconds the way CloudTrail's JSON protocol writes them (a Java double: <c>1.74169036E9</c>).</summary>
    public static string EpochSeconds(DateTimeOffset t)
    {
        var digits = t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var exponent = digits.Length - 1;
        var mantissa = digits.TrimEnd('0');
        var fraction = mantissa.Length > 1 ? mantissa[1..] : "0";
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa[0]}.{fraction}E{exponent}");
    }

    /// <summary>The time the sweep "ran": fixed, so the manifest's fetchedAt is reproducible.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
