using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Evidence.DamagedEvidenceTests;

namespace NotebookHelpers.Tests.Evidence;

public class EvidenceFormatTests
{
    [Fact]
    public void ReadsFilterLogEventsOutputWithItsCloudWatchContext()
    {
        using var dir = new TempDirectory();
        var page = new
        {
            events = new[]
            {
                new { logStreamName = "111122223333_CloudTrail_us-east-1", timestamp = 1704067200000L, message = Record("a"), ingestionTime = 1704067260000L, eventId = "1" },
                new { logStreamName = "111122223333_CloudTrail_us-east-1_2", timestamp = 1704067201000L, message = Record("b"), ingestionTime = 1704067261000L, eventId = "2" },
            },
            searchedLogStreams = Array.Empty<object>(),
        };
        var path = dir.Write("filter-log-events-output", JsonSerializer.Serialize(page));

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(["a", "b"], events.Select(e => e.EventID));
        var context = events[0].Record.Context!;
        Assert.Equal("111122223333_CloudTrail_us-east-1", context.LogStream);
        Assert.Equal("111122223333", context.AccountId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704067200000L), context.Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704067260000L), context.IngestionTime);
        Assert.Equal(Record("a"), events[0].ToJson());
        Assert.Equal(1, report.FilesByFormat[EvidenceFormat.CloudWatchLogsEvents]);
    }

    [Fact]
    public void ReadsALogGroupExportedToS3AsGzipTimestampLines()
    {
        using var dir = new TempDirectory();
        var lines = $"2024-01-01T00:00:00.000Z {Record("a")}\n2024-01-01T00:00:01.000Z {Record("b")}\n";
        var path = dir.WriteBytes("exportedlogs/000000.gz", Gzip(Encoding.UTF8.GetBytes(lines)));

        var (events, report) = EvidenceReader.ReadAll([dir.Path]);

        Assert.Equal(["a", "b"], events.Select(e => e.EventID));
        Assert.Equal(2, events[1].Location.Line);
        Assert.Equal(path, events[1].Location.Path);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 1, TimeSpan.Zero), events[1].Record.Context!.Timestamp);
        Assert.Equal(1, report.FilesByFormat[EvidenceFormat.CloudWatchLogsExport]);
    }

    [Fact]
    public void StreamsLongExportsAcrossChunkBoundariesWithoutLosingALine()
    {
        // Inside a zip the size is unknown, so the reader streams in 64 KB+ chunks and lines straddle them.
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"2024-01-01T00:00:00.{i % 1000:000}Z ").Append(Record($"id-{i}")).Append('\n');
        }

        var path = Path.Combine(dir.Path, "export.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Add(zip, "task/111122223333_CloudTrail_us-east-1/000000", Encoding.UTF8.GetBytes(text.ToString()));
        }

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(5000, events.Count);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(5000, events[^1].Location.Line);
        Assert.Equal("111122223333", events[0].Record.Context!.AccountId);
    }

    [Fact]
    public void ReadsLookupEventsPagesConcatenatedOrInAnArray()
    {
        using var dir = new TempDirectory();
        string Page(string id, string? next) => JsonSerializer.Serialize(new
        {
            Events = new[] { new { EventId = id, EventName = "GetCallerIdentity", CloudTrailEvent = Record(id), Resources = Array.Empty<object>() } },
            NextToken = next,
        });
        var concatenated = dir.Write("pages.json", Page("p1", "t") + "\n" + Page("p2", null) + "\n");
        var array = dir.Write("pages-array.json", "[" + Page("p3", "t") + "," + Page("p4", null) + "]");

        var (events, report) = EvidenceReader.ReadAll([concatenated, array]);

        Assert.Equal(["p1", "p2", "p3", "p4"], events.Select(e => e.EventID));
        Assert.Equal(2, report.FilesByFormat[EvidenceFormat.LookupEventsPages]);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void ReadsConsoleCsvRowsAsPartialRecords()
    {
        using var dir = new TempDirectory();
        var csv = "Event ID,Event time,User name,Event name,Resource type,Resource name,AWS access key,AWS region,Error code,Source IP address,Event source,Read-only\r\n" +
                  "e-1,2024-01-01T00:00:00Z,alice,CreateUser,AWS::IAM::User,\"bob, the builder\",AKIAEXAMPLE,us-east-1,,203.0.113.9,iam.amazonaws.com,false\r\n" +
                  "e-2,2024-01-01T00:01:00Z,alice,ListUsers,,,AKIAEXAMPLE,us-east-1,AccessDenied,203.0.113.9,iam.amazonaws.com,true\r\n" +
                  "broken,row\r\n";
        var path = dir.Write("event_history.csv", csv);

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(["e-1", "e-2"], events.Select(e => e.EventID));
        Assert.Equal("alice", events[0].UserIdentity!.UserName);
        Assert.Equal("AKIAEXAMPLE", events[0].UserIdentity!.AccessKeyId);
        Assert.Equal("bob, the builder", events[0].GetString("resources.0.ARN"));
        Assert.Equal("203.0.113.9", events[0].GetString("consoleCsv.Source IP address"));
        Assert.False(events[0].ReadOnly);
        Assert.Equal("AccessDenied", events[1].ErrorCode);
        Assert.Null(events[0].UserAgent);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(4, problem.Location.Line);
        Assert.Equal(1, report.FilesByFormat[EvidenceFormat.ConsoleCsv]);
    }

    [Fact]
    public void PrunesAwsLogsObjectsAndDateFoldersOutsideTheRangeBeforeOpeningThem()
    {
        using var dir = new TempDirectory();
        var prefix = "AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2024/01/";
        dir.WriteBytes(prefix + "01/111122223333_CloudTrail_us-east-1_20240101T2355Z_aaaaaaaaaaaaaaaa.json.gz", Gzip(Delivery("old", "2024-01-01T23:50:00Z")));
        dir.WriteBytes(prefix + "02/111122223333_CloudTrail_us-east-1_20240102T0005Z_bbbbbbbbbbbbbbbb.json.gz", Gzip(Delivery("in", "2024-01-02T00:01:00Z")));
        dir.WriteBytes(prefix + "02/111122223333_CloudTrail_us-east-1_20240102T1200Z_cccccccccccccccc.json.gz", Gzip(Delivery("late", "2024-01-02T11:55:00Z")));
        // Not gzip and not JSON at all: opening it would be a problem, so pruning must skip it unopened.
        dir.Write(prefix + "05/111122223333_CloudTrail_us-east-1_20240105T0000Z_dddddddddddddddd.json.gz", "garbage");
        dir.Write("AWSLogs/o-abc123/111122223333/CloudTrail-Digest/us-east-1/2024/01/02/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240102T010000Z.json.gz", "not opened");

        var options = new EvidenceReaderOptions { TimeRange = TimeRange.Parse("2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z") };
        var reader = new EvidenceReader(options);
        var events = reader.ReadEvents([dir.Path]).ToList();

        Assert.Equal(["in"], events.Select(e => e.EventID));
        Assert.Equal(3, reader.Report.FilesPruned);
        Assert.Equal(1, reader.Report.DigestFiles);
        Assert.Equal(0, reader.Report.Skipped);
    }

    [Fact]
    public void PruningKeepsObjectsDeliveredWithinTheMarginAfterTheEnd()
    {
        var enumerator = new EvidenceFileEnumerator(TimeRange.Parse("2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z"), TimeSpan.FromHours(1), new ReadReport());

        Assert.False(enumerator.OutsideRange(new DateTimeOffset(2024, 1, 2, 1, 59, 0, TimeSpan.Zero)));
        Assert.True(enumerator.OutsideRange(new DateTimeOffset(2024, 1, 2, 2, 1, 0, TimeSpan.Zero)));
        Assert.True(enumerator.OutsideRange(new DateTimeOffset(2024, 1, 1, 23, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void RecognisesDigestFilesByContentWhateverTheirName()
    {
        using var dir = new TempDirectory();
        var digest = dir.Write("renamed.json", """{"awsAccountId":"111122223333","digestStartTime":"2024-01-01T00:00:00Z","digestEndTime":"2024-01-01T01:00:00Z","digestS3Bucket":"b","logFiles":[]}""");

        var (events, report) = EvidenceReader.ReadAll([digest]);

        Assert.Empty(events);
        Assert.Equal(1, report.DigestFiles);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void ReadsEveryFormatInsideAZipArchive()
    {
        using var dir = new TempDirectory();
        using (var zip = ZipFile.Open(Path.Combine(dir.Path, "evidence.zip"), ZipArchiveMode.Create))
        {
            Add(zip, "b/records.json.gz", Gzip(Delivery("gz", "2024-01-01T00:00:00Z")));
            Add(zip, "a/lines.jsonl", Encoding.UTF8.GetBytes(Record("line") + "\n"));
            Add(zip, "c/README.md", "# notes"u8.ToArray());
        }

        var (events, report) = EvidenceReader.ReadAll([Path.Combine(dir.Path, "evidence.zip")]);

        Assert.Equal(["line", "gz"], events.Select(e => e.EventID));
        Assert.Equal("a/lines.jsonl", events[0].Location.Entry);
        Assert.Single(report.IgnoredFiles);
    }

    [Fact]
    public void TheCommittedSampleIncidentsThreeCopiesAgree()
    {
        var (events, report) = EvidenceReader.ReadAll([Path.Combine(RepositoryPaths.DataSamples, "sample-incident")]);
        using var answerKey = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json")));
        var counts = answerKey.RootElement.GetProperty("counts");

        // Every trail record appears again, byte for byte, in the CloudWatch Logs export (which also keeps the records
        // the story deleted from the trail); Event History repeats the leaked key's management events. The counts come
        // from the answer key, so regenerating the sample keeps this true.
        Assert.Equal(counts.GetProperty("events").GetInt64(), events.Count);
        Assert.Equal(counts.GetProperty("events").GetInt64() - counts.GetProperty("trailRecordsDeleted").GetInt64() + counts.GetProperty("eventHistoryEvents").GetInt64(),
            report.Duplicates);
        Assert.Equal(0, report.ConflictCount);
        Assert.Equal(counts.GetProperty("digestFiles").GetInt32(), report.DigestFiles);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(4, report.FilesByFormat[EvidenceFormat.CloudWatchLogsExport]);
        Assert.Contains(report.IgnoredFiles, f => f.EndsWith("manifest.jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonWithoutCloudTrailIsIgnoredInAFolderButReportedWhenNamed()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config/settings.json", "{\"name\":\"x\"}");
        dir.Write("logs/a.jsonl", Record("a") + "\n");

        var walked = EvidenceReader.ReadAll([dir.Path]).Report;
        var named = EvidenceReader.ReadAll([config]).Report;

        Assert.Equal(0, walked.Skipped);
        Assert.Equal([config], walked.IgnoredFiles);
        Assert.Equal(1, named.Skipped);
        Assert.Equal(ReadProblemKind.NotCloudTrail, Assert.Single(named.Problems).Kind);
    }

    [Theory]
    [InlineData("111122223333_CloudTrail_us-east-1", "111122223333")]
    [InlineData("111122223333_CloudTrail_us-east-1_2", "111122223333")]
    [InlineData("o-7pq2xk4m9d_739154086213_CloudTrail_us-east-1", "739154086213")]
    [InlineData("my-stream", null)]
    [InlineData("x111122223333_CloudTrail_us-east-1", null)]
    public void TakesTheAccountFromCloudTrailLogStreamNames(string stream, string? account)
    {
        Assert.Equal(account, JsonEvidenceDecoder.AccountFromStream(stream));
    }

    [Theory]
    [InlineData("now", "2024-05-10T12:00:00.0000000+00:00")]
    [InlineData("now-7d", "2024-05-03T12:00:00.0000000+00:00")]
    [InlineData("now-36h", "2024-05-09T00:00:00.0000000+00:00")]
    [InlineData("now-90m", "2024-05-10T10:30:00.0000000+00:00")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000+00:00")]
    [InlineData("2024-05-01T10:00:00", "2024-05-01T10:00:00.0000000+00:00")]
    [InlineData("2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00.0000000+00:00")]
    public void ParsesUserTimesAsUtc(string text, string expected)
    {
        var now = new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, TimeRange.Parse(text, null, now).Start!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("now-7x")]
    [InlineData("now+1d")]
    [InlineData("tomorrow")]
    public void RejectsUnreadableUserTimes(string text)
    {
        Assert.Throws<FormatException>(() => TimeRange.Parse(text, null));
    }

    private static byte[] Delivery(string id, string time) => Encoding.UTF8.GetBytes("{\"Records\":[" + Record(id, time: time) + "]}");

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] data)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(data);
    }
}
