using System.Text.Json;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Insights;

/// <summary><c>nbh query</c> over live sources, against the loopback fake account (every request's SigV4 verified).</summary>
[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class QueryCommandLiveSourcesTests : IDisposable
{
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "nbh-query-live-" + Guid.NewGuid().ToString("N"));
    private readonly FakeLogsInsights _logs = new(Enumerable.Range(0, 3).Select(i => (1_699_180_000L + i, $"{{\"eventName\":\"RunInstances\",\"n\":{i}}}")), pollsBeforeComplete: 2);
    private readonly FakeEventHistory _history = new(new() { ["us-east-1"] = 2, ["eu-west-1"] = 1 });
    private readonly FakeEc2 _ec2 = new(["eu-west-1", "us-east-1"], new Dictionary<string, (string, string, string, string?, string?)[]>());
    private readonly FakeS3Bucket _bucket = new("trail-bucket");

    public QueryCommandLiveSourcesTests()
    {
        _bucket.Put("AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/05/111122223333_CloudTrail_us-east-1_20231105T1045Z_a.json.gz",
            """{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-05T10:41:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","eventID":"e-1"},{"eventVersion":"1.08","eventTime":"2023-11-05T10:42:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","eventID":"e-2"}]}""");
        _bucket.Put("AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/06/111122223333_CloudTrail_us-east-1_20231106T0000Z_b.json.gz",
            """{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-06T00:01:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","eventID":"e-3"}]}""");
    }

    public void Dispose()
    {
        if (Directory.Exists(_evidence))
        {
            foreach (var file in Directory.EnumerateFiles(_evidence, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_evidence, recursive: true);
        }
    }

    private FakeResponse Account(RecordedRequest request) => request.Service switch
    {
        "logs" => _logs.Handle(request),
        "cloudtrail" => _history.Handle(request),
        "ec2" => _ec2.Handle(request),
        "s3" => _bucket.Handle(request),
        _ => IamResponses.Standard(request),
    };

    private static string Value(string json, int row, string field) =>
        JsonDocument.Parse(json).RootElement.GetProperty("results")[row].EnumerateArray()
            .First(f => f.GetProperty("field").GetString() == field).GetProperty("value").GetString()!;

    [Fact]
    public async Task ALookupSourceSweepsEventHistoryIntoTheEvidenceFolderThenQueriesItOffline()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "lookup:AKIAEXPOSEDKEY000001", "--evidence", _evidence, "--start", "2023-11-01", "--format", "json",
            "stats count(*) as n, count_distinct(awsRegion) as regions by userIdentity.accessKeyId");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("6", Value(run.Out, 0, "n"));
        Assert.Equal("2", Value(run.Out, 0, "regions"));
        Assert.Contains(server.Requests, r => r.Operation == "DescribeRegions");
        Assert.All(server.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Problem));
        Assert.Contains("nbh query: ", run.Error, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(_evidence, "lookup"), "page-*", SearchOption.AllDirectories).Count() == 3);

        // A second query with the same folder resumes the finished sweep instead of fetching again.
        var again = await CliRun.RunAsync("query", "--logs", "lookup:AKIAEXPOSEDKEY000001", "--evidence", _evidence, "--start", "2023-11-01", "--format", "json", "stats count(*) as n");
        Assert.Equal("6", Value(again.Out, 0, "n"));
        Assert.Equal(3, server.Requests.Count(r => r.Operation == "LookupEvents"));
    }

    [Fact]
    public async Task ALookupSourceCoversOnlyTheRegionsGivenAndMarksAFailedRegionIncomplete()
    {
        _history.Fault = (region, _) => region == "eu-west-1" ? FakeResponse.JsonError("AccessDeniedException", "denied", 400) : null;
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "lookup:Username=ci-deploy", "--regions", "us-east-1,eu-west-1", "--evidence", _evidence, "--format", "json", "stats count(*) as n");

        Assert.True(run.ExitCode == 1, run.Error);
        Assert.StartsWith("nbh query: INCOMPLETE: 1 parts of the evidence missed", run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.Equal("4", Value(run.Out, 0, "n"));
        Assert.DoesNotContain(server.Requests, r => r.Operation == "DescribeRegions");
        Assert.Contains("warning: INCOMPLETE: CloudTrail Event History Username=ci-deploy: eu-west-1: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("Username", server.Requests.First(r => r.Operation == "LookupEvents").Json.GetProperty("LookupAttributes")[0].GetProperty("AttributeKey").GetString());
    }

    [Fact]
    public async Task AnS3SourceDownloadsTheDaysOfTheRangeThenQueriesThemOffline()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "s3://trail-bucket", "--start", "2023-11-05T00:00:00Z", "--end", "2023-11-05T23:59:59Z", "--evidence", _evidence,
            "--format", "csv", "stats count(*) as n by eventName | sort eventName asc");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("eventName,n\r\nCreateUser,1\r\nRunInstances,1\r\n", run.Out);
        // The next day's prefix is fetched too (late deliveries), but its event lies outside the range and is not counted.
        Assert.Equal(2, _bucket.Downloads.Count);
        Assert.Contains("2 downloaded", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://trail-bucket", true, false, "evidence folder")]
    [InlineData("s3://trail-bucket", false, true, "start and an end")]
    [InlineData("lookup:AKIAEXPOSEDKEY000001", false, false, "evidence folder")]
    [InlineData("lookup:Colour=blue", false, true, "not a LookupEvents attribute")]
    public async Task AFetchedSourceWithoutWhatItNeedsIsAUsageError(string source, bool withRange, bool withEvidence, string expected)
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);
        var args = new List<string> { "query", "--logs", source };
        if (withRange)
        {
            args.AddRange(["--start", "2023-11-05", "--end", "2023-11-06"]);
        }

        if (withEvidence)
        {
            args.AddRange(["--evidence", _evidence]);
        }

        var run = await CliRun.RunAsync([.. args, "stats count(*)"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AQueryTheOfflineEngineCannotRunIsRejectedBeforeAnythingIsFetched()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "lookup:AKIAEXPOSEDKEY000001", "--evidence", _evidence, "fields @message | pattern @message");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("`pattern` is not supported offline", run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task OneQueryTakesOneFetchedSourceAndDoesNotMixKinds()
    {
        var two = await CliRun.RunAsync("query", "--logs", "lookup:AKIAEXPOSEDKEY000001", "--logs", "s3://trail-bucket", "--evidence", _evidence, "stats count(*)");
        var mixed = await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/logs", "--logs", "s3://trail-bucket", "stats count(*)");

        Assert.Equal(2, two.ExitCode);
        Assert.Contains("one lookup: or s3:// source per query", two.Error, StringComparison.Ordinal);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("one query runs over one kind of source", mixed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACwlQueryRunsInTheRegionOfRegionAndReportsItsPollingOnStderr()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/DefaultLogGroup", "--region", "ap-southeast-2",
            "--start", "2023-11-05T00:00:00Z", "--end", "2023-11-06T00:00:00Z", "fields @timestamp, @message");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"n\":2", run.Out, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("ap-southeast-2", r.Region));
        var lines = run.Error.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("nbh query: [0/1 parts] [2023-11-05T00:00:00Z, 2023-11-06T00:00:00Z]: Scheduled", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nbh query: [0/1 parts] [2023-11-05T00:00:00Z, 2023-11-06T00:00:00Z]: Running", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nbh query: [1/1 parts] [2023-11-05T00:00:00Z, 2023-11-06T00:00:00Z]: 3 rows, Complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOfflineQueryPrintsNoProgressLines()
    {
        var run = await CliRun.RunAsync("query", "--logs", Path.Combine(NotebookHelpers.Tests.Support.RepositoryPaths.DataSamples, "sample-incident", "trail-s3"), "stats count(*)");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
