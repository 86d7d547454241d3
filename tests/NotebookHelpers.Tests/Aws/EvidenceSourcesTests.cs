using Amazon.Runtime;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Sources;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class EvidenceSourcesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-sources-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    private static AwsSessionSettings Live(FakeAwsServer server) => new()
    {
        Region = "us-east-1",
        Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
        Credentials = new BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
        ClientOptions = TestAws.FastOptions(),
    };

    private static async Task<List<CloudTrailEvent>> All(IEvidenceSource source)
    {
        var events = new List<CloudTrailEvent>();
        await foreach (var e in source.ReadEventsAsync())
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task ReadsTheSampleIncidentsEventHistoryFolderThroughItsManifest()
    {
        var source = EvidenceSources.Parse("sample:event-history", new EvidenceSourceOptions { RepositoryRoot = RepositoryPaths.RepositoryRoot });

        var events = await All(source);
        var runner = await source.OpenQueryRunnerAsync();
        var count = await runner.RunAsync("stats count(*) as n", TimeRange.All);

        Assert.Equal(62, events.Count);
        Assert.All(events, e => Assert.Equal("AKIA3NWPX4QHZRT7K2MD", e.UserIdentity?.AccessKeyId));
        Assert.Equal("62", count.Rows[0][0].Value);
        Assert.DoesNotContain(((LocalEvidenceSource)source).Paths, p => p.EndsWith("query.json", StringComparison.Ordinal) || p.EndsWith("manifest.jsonl", StringComparison.Ordinal));
    }

    [Fact]
    public void ChoosesTheSourceKindFromTheParameter()
    {
        var options = new EvidenceSourceOptions { EvidenceFolder = _folder, Range = TimeRange.Parse("2023-11-05", "2023-11-06"), RepositoryRoot = RepositoryPaths.RepositoryRoot };

        Assert.IsType<LocalEvidenceSource>(EvidenceSources.Parse("sample", options));
        Assert.IsType<LocalEvidenceSource>(EvidenceSources.Parse(RepositoryPaths.DataSamples, options));
        Assert.IsType<CloudWatchLogsEvidenceSource>(EvidenceSources.Parse("cwl:eu-west-1:CloudTrail/logs,other", options));
        Assert.Equal(new NotebookHelpers.Aws.CloudTrail.LookupAttribute(NotebookHelpers.Aws.CloudTrail.LookupAttributeKey.Username, "ci-deploy"),
            Assert.IsType<EventHistoryEvidenceSource>(EvidenceSources.Parse("lookup:Username=ci-deploy", options)).Attribute);
        Assert.Equal("AKIAEXPOSEDKEY000001", ((EventHistoryEvidenceSource)EvidenceSources.Parse("lookup:AKIAEXPOSEDKEY000001", options)).Attribute!.Value);
        Assert.Null(((EventHistoryEvidenceSource)EvidenceSources.Parse("lookup:", options)).Attribute);
        Assert.IsType<S3TrailEvidenceSource>(EvidenceSources.Parse("s3://trail-bucket/prefix", options));
    }

    [Theory]
    [InlineData("lookup:AKIAEXPOSEDKEY000001", false, "evidence folder")]
    [InlineData("s3://bucket", false, "evidence folder")]
    [InlineData("s3://bucket", true, "give a start and an end time")]
    [InlineData("lookup:Colour=blue", true, "not a LookupEvents attribute")]
    [InlineData("cwl:", false, "names no log group")]
    [InlineData("cwl:not-a-region-x:group", false, "not a region")]
    [InlineData("/no/such/evidence", false, "neither an existing path nor a source")]
    [InlineData("sample:elsewhere", false, "not a copy of the sample incident")]
    public void ExplainsAParameterThatNamesNothingUsable(string parameter, bool withFolder, string expected)
    {
        var options = new EvidenceSourceOptions { RepositoryRoot = RepositoryPaths.RepositoryRoot, EvidenceFolder = withFolder ? _folder : null };

        var error = Assert.Throws<ArgumentException>(() => EvidenceSources.Parse(parameter, options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALookupSourceSweepsIntoTheEvidenceFolderOnceAndReadsThePages()
    {
        var history = new FakeEventHistory(new() { ["us-east-1"] = 2, ["eu-west-1"] = 1 });
        await using var server = await FakeAwsServer.StartAsync(history.Handle);
        var source = EvidenceSources.Parse("lookup:AKIAEXPOSEDKEY000001", new EvidenceSourceOptions
        {
            EvidenceFolder = _folder,
            Regions = ["us-east-1", "eu-west-1"],
            Aws = Live(server),
        });

        var events = await All(source);
        var runner = await source.OpenQueryRunnerAsync();
        var byRegion = await runner.RunAsync("stats count(*) as n by awsRegion | sort awsRegion asc", TimeRange.All);

        Assert.Equal(6, events.Count);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(["eu-west-1", "us-east-1"], byRegion.Rows.Select(r => r[0].Value));
        Assert.Empty(((EventHistoryEvidenceSource)source).FetchProblems);
    }

    [Fact]
    public async Task ACloudWatchLogsSourceReadsEventsFromMessages()
    {
        var t0 = new DateTimeOffset(2023, 11, 5, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var logs = new FakeLogsInsights(Enumerable.Range(0, 3).Select(i => (t0 + i,
            $$"""{"eventVersion":"1.08","eventTime":"{{DateTimeOffset.FromUnixTimeSeconds(t0 + i):yyyy-MM-ddTHH:mm:ssZ}}","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","eventID":"e{{i}}"}"""))
            .Append((t0 + 5, "not json at all")), pollsBeforeComplete: 1);
        await using var server = await FakeAwsServer.StartAsync(logs.Handle);
        var lines = new List<string>();
        var source = EvidenceSources.Parse("cwl:CloudTrail/logs", new EvidenceSourceOptions
        {
            Range = TimeRange.Parse("2023-11-05T09:00:00Z", "2023-11-05T11:00:00Z"),
            Aws = Live(server),
            LogsQuery = new CloudWatchLogsQueryOptions { PollInitialDelay = TimeSpan.FromMilliseconds(1), RowLimit = 2 },
            Progress = new Lines(lines),
        });

        var events = await All(source);

        Assert.Equal(["e0", "e1", "e2"], events.Select(e => e.EventID));
        Assert.Contains(lines, l => l.Contains("1 of 4 rows were not CloudTrail events", StringComparison.Ordinal));
        Assert.Equal(CloudWatchLogsEvidenceSource.EventsQuery, server.Requests.First(r => r.Operation == "StartQuery").Json.GetProperty("queryString").GetString());
    }

    private sealed class Lines(List<string> sink) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
