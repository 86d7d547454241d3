using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Saves what <c>nbh lookup --access-key-id KEY --regions all</c> saves: for each region, the pages of
/// <c>LookupEvents</c> (attribute <c>AccessKeyId</c>) in the key's own account, newest first, 50 events a page,
/// as the AWS CLI prints them (4-space indent, <c>CloudTrailEvent</c> as a JSON string, <c>EventTime</c> with an
/// offset). Event History holds management events only, so S3 data events never appear here.
/// Files: <c>event-history/&lt;region&gt;/lookup-events-0001.json</c>, ...
/// </summary>
internal sealed class EventHistoryWriter : IRecordSink
{
    public const int PageSize = 50;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _root;
    private readonly string _accountId;
    private readonly string _accessKeyId;
    private readonly DeterministicRandom _random;
    private readonly SortedDictionary<string, List<SerializedEvent>> _byRegion = new(StringComparer.Ordinal);

    public EventHistoryWriter(string root, string accountId, string accessKeyId, long seed)
    {
        _root = root;
        _accountId = accountId;
        _accessKeyId = accessKeyId;
        _random = DeterministicRandom.Create(seed, "event-history");
    }

    public int EventsWritten { get; private set; }

    public int PagesWritten { get; private set; }

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
        foreach (var (region, records) in _byRegion)
        {
            // Records arrive in time order; Event History answers newest first.
            records.Reverse();
            var pages = (records.Count + PageSize - 1) / PageSize;
            for (var page = 0; page < pages; page++)
            {
                var slice = records.Skip(page * PageSize).Take(PageSize).ToList();
                var nextToken = page + 1 < pages ? _random.Base64(96) : null;
                var path = Path.Combine(_root, region, $"lookup-events-{(page + 1).ToString("D4", CultureInfo.InvariantCulture)}.json");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var stream = File.Create(path))
                using (var w = new Utf8JsonWriter(stream, Options))
                {
                    WritePage(w, slice, nextToken);
                }

                File.AppendAllText(path, "\n");
                PagesWritten++;
                EventsWritten += slice.Count;
            }
        }
    }

    private static void WritePage(Utf8JsonWriter w, List<SerializedEvent> slice, string? nextToken)
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

            w.WriteString("EventTime", Timestamps.CliEventTime(e.Time));
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
}
