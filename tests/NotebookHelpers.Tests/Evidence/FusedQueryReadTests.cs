using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Evidence;

/// <summary>
/// The query path's single pass over evidence files: the decoder drops events that lack a field the query's leading
/// filters require while it validates them, yet every event is still deduplicated and counted, every damaged record
/// is still reported, and the answer is the one the engine gives over the same records in memory.
/// </summary>
public class FusedQueryReadTests
{
    private const string DeniedQuery = "filter errorCode like /Denied/ | stats count(*) as n by eventName";

    private static string Event(int i, string? extra = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T{i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00}Z\",\"eventName\":\"Op{i % 7}\",\"eventID\":\"id-{i}\"{(extra is null ? "" : "," + extra)}}}");

    private static QueryResults Query(string query, params string[] paths) =>
        OfflineQueryRunner.FromPaths(paths).RunAsync(query, TimeRange.All).GetAwaiter().GetResult();

    private static QueryResults InMemory(string query, IEnumerable<string> json) =>
        OfflineQueryRunner.FromRecords(json.Select((j, i) => new NotebookHelpers.Events.LogRecord(Encoding.UTF8.GetBytes(j), new EvidenceLocation("mem", ByteOffset: i))))
            .RunAsync(query, TimeRange.All).GetAwaiter().GetResult();

    private static string Answer(QueryResults results) =>
        string.Join(" | ", results.Rows.Select(r => string.Join(";", r.Select(f => $"{f.Field}={f.Value}"))).Order(StringComparer.Ordinal));

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    [Fact]
    public void RecordsCutAtChunkBoundariesAreAllCountedAndTheAnswerMatchesTheEngineInMemory()
    {
        // JSON Lines stream through 64 KB, then doubling, chunks: records of growing size are cut at every boundary.
        var lines = Enumerable.Range(0, 3000)
            .Select(i => Event(i, $"\"pad\":\"{new string('x', i % 977)}\"" + (i % 11 == 0 ? ",\"errorCode\":\"AccessDenied\"" : string.Empty)))
            .ToList();
        using var dir = new TempDirectory();
        var plain = dir.Write("plain/events.jsonl", string.Join('\n', lines));
        var gzip = dir.WriteBytes("gzip/events.jsonl.gz", Gzip(string.Join("\r\n", lines)));

        var expected = InMemory(DeniedQuery, lines);
        foreach (var path in new[] { plain, gzip })
        {
            var results = Query(DeniedQuery, path);
            Assert.Equal(Answer(expected), Answer(results));
            Assert.Equal(3000, results.Statistics.RecordsScanned);
            Assert.Equal(expected.Statistics.BytesScanned, results.Statistics.BytesScanned);
            Assert.Equal(273, results.Statistics.RecordsMatched);
            Assert.Empty(results.Warnings);
        }
    }

    [Fact]
    public void StringsWithBracesEscapedQuotesAndEscapedKeysDoNotFoolTheKeyCheck()
    {
        string[] records =
        [
            Event(1, "\"note\":\"{\\\"errorCode\\\":\\\"AccessDenied\\\"}\""),          // the key only inside a string value: no field
            Event(2, "\"errorCode\":\"Access\\\"Denied}{\""),                            // braces and an escaped quote in the value
            Event(3, "\"err\\u006frCode\":\"AccessDenied\""),                            // the key spelled with an escape
            Event(4, "\"requestParameters\":{\"errorCode\":\"AccessDenied\"}"),          // only nested
            Event(5, "\"errorCode\":\"AccessDenied\",\"x\":[\"}\",{\"\\\"\":\"]\"}]"),   // brackets inside strings after the key
            Event(6),
        ];
        using var dir = new TempDirectory();
        var file = dir.Write("records.json", "{\"Records\":[" + string.Join(",", records) + "]}");

        const string query = "filter errorCode like /Denied/ | fields eventID | sort eventID asc";
        var results = Query(query, file);

        static IEnumerable<string> Ids(QueryResults r) => r.Rows.Select(row => row.Single(f => f.Field == "eventID").Value);
        Assert.Equal(["id-2", "id-3", "id-5"], Ids(results));
        Assert.Equal(Ids(InMemory(query, records)), Ids(results));
        Assert.Equal(6, results.Statistics.RecordsScanned);
    }

    [Fact]
    public void NestedAndDottedKeysAreRequiredOnlyWhereTheyCanBeFound()
    {
        string[] records =
        [
            Event(1, "\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/a\"}"),
            Event(2, "\"userIdentity.arn\":\"arn:aws:iam::1:user/b\""),
            Event(3, "\"userIdentity\":{\"type\":\"Root\"}"),
            Event(4, "\"requestParameters\":{\"arn\":\"arn:aws:iam::1:user/c\"}"),
            Event(5, "\"userIdentity\":{\"\\u0061rn\":\"arn:aws:iam::1:user/d\"}"),
        ];
        using var dir = new TempDirectory();
        var file = dir.Write("events.jsonl", string.Join('\n', records));
        const string query = "filter userIdentity.arn like /user/ | stats count(*) as n by userIdentity.arn";

        var results = Query(query, file);

        Assert.Equal(Answer(InMemory(query, records)), Answer(results));
        Assert.Equal(3, results.Statistics.RecordsMatched);
        Assert.Equal(5, results.Statistics.RecordsScanned);
    }

    [Fact]
    public async Task DuplicatesAcrossFilesAreCountedOnceAndConflictsReportedWhenTheQuerySkipsThem()
    {
        var first = Enumerable.Range(0, 40).Select(i => Event(i, i % 4 == 0 ? "\"errorCode\":\"AccessDenied\"" : null)).ToList();
        var second = first.ToList();
        second[5] = Event(5, "\"sourceIPAddress\":\"203.0.113.9\"");   // same eventID, different content, no errorCode
        using var dir = new TempDirectory();
        var a = dir.WriteBytes("a/1.json.gz", Gzip("{\"Records\":[" + string.Join(",", first) + "]}"));
        var b = dir.WriteBytes("b/2.json.gz", Gzip("{\"Records\":[" + string.Join(",\n", second) + "]}"));
        var source = InsightsRecordSource.FromPaths([dir.Path]);

        var results = await new OfflineQueryRunner(source).RunAsync("filter errorCode like /Denied/ | stats count(*) as n", TimeRange.All);

        Assert.Equal("10", results.Rows.Single().Single().Value);
        Assert.Equal(41, results.Statistics.RecordsScanned);                 // 40 events and the conflicting version
        var report = source.LastReport!;
        Assert.Equal(39, report.Duplicates);
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal("id-5", conflict.EventId);
        Assert.Equal(a, conflict.First.Path);
        Assert.Equal(b, conflict.Second.Path);
        Assert.NotNull(conflict.Second.ByteOffset);
    }

    [Fact]
    public void AMalformedRecordAmongGoodOnesIsReportedWithItsPlaceWhenTheQueryWouldSkipIt()
    {
        var good = Enumerable.Range(0, 6).Select(i => Event(i, i == 2 ? "\"errorCode\":\"AccessDenied\"" : null)).ToList();
        var broken = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:00:09Z\",,\"eventName\":\"Broken\"}";
        var text = string.Join('\n', good.Take(3)) + "\n" + broken + "\n" + string.Join('\n', good.Skip(3));
        using var dir = new TempDirectory();
        var file = dir.Write("events.jsonl", text);

        var results = Query(DeniedQuery, file);

        Assert.Equal(6, results.Statistics.RecordsScanned);
        Assert.Equal(1, results.Statistics.RecordsMatched);
        var warning = Assert.Single(results.Warnings);
        Assert.Contains(file, warning, StringComparison.Ordinal);
        Assert.Contains("line 4", warning, StringComparison.Ordinal);
        var brokenAt = Encoding.UTF8.GetByteCount(text[..text.IndexOf(broken, StringComparison.Ordinal)]) + broken.IndexOf(",,", StringComparison.Ordinal) + 1;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"@byte {brokenAt}"), warning, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordsKeptFromFilesWhoseOtherRecordsWereSkippedStayIntactWhileLaterFilesAreRead()
    {
        // Buffers of files with no kept record are reused for later files; a kept record must never see that.
        using var dir = new TempDirectory();
        var kept = new List<string>();
        for (var f = 0; f < 300; f++)
        {
            var records = Enumerable.Range(f * 5, 5)
                .Select(i => Event(i, (i % 37 == 0 ? "\"errorCode\":\"AccessDenied\"," : string.Empty) + $"\"pad\":\"{new string((char)('a' + (i % 26)), 200 + (i * 13 % 3000))}\""))
                .ToList();
            kept.AddRange(records.Where(r => r.Contains("errorCode", StringComparison.Ordinal)));
            dir.WriteBytes($"AWSLogs/{f:0000}.json.gz", Gzip("{\"Records\":[" + string.Join(",", records) + "]}"));
        }

        var results = Query("filter errorCode like /Denied/ | fields eventID, @message | limit 10000", dir.Path);

        Assert.Equal(kept.Count, results.Rows.Count);
        foreach (var row in results.Rows)
        {
            var message = row.Single(f => f.Field == "@message").Value;
            Assert.Equal(row.Single(f => f.Field == "eventID").Value, JsonDocument.Parse(message).RootElement.GetProperty("eventID").GetString());
            Assert.Contains(message, kept);
        }

        Assert.Equal(1500, results.Statistics.RecordsScanned);
    }

    [Theory]
    [InlineData("errorCode", "errorCode", true)]
    [InlineData("errorCode", "errorCodes", false)]
    [InlineData("errorCode", "errorCode.detail", true)]
    [InlineData("userIdentity.arn", "userIdentity", true)]
    [InlineData("userIdentity.arn", "userIdentity.arn", true)]
    [InlineData("userIdentity.arn", "user", false)]
    public void ATopLevelKeyStandsForTheFieldsItCanHold(string field, string key, bool found)
    {
        var required = new RequiredKeys([field.Split('.')]);
        Assert.Equal(found, required.TopLevelBit(Encoding.UTF8.GetBytes(key)) != 0);
    }

    [Fact]
    public void ANestedKeyMissingFromTheBytesRulesTheRecordOutUnlessItMayBeEscaped()
    {
        var required = new RequiredKeys([["userIdentity", "arn"]]);
        var all = required.AllTopLevel;
        Assert.True(required.MayMatch(all, "{\"userIdentity\":{\"arn\":\"a\"}}"u8));
        Assert.False(required.MayMatch(all, "{\"userIdentity\":{\"type\":\"Root\"}}"u8));
        Assert.True(required.MayMatch(all, "{\"userIdentity\":{\"\\u0061rn\":\"a\"}}"u8));
        Assert.False(required.MayMatch(0, "{\"userIdentity\":{\"arn\":\"a\"}}"u8));
    }
}
