using System.Text;
using System.Text.Json;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// The Athena client against a loopback Athena: signing, the QUEUED → RUNNING → SUCCEEDED/FAILED/CANCELLED walk,
/// paging with the header row, stopping, the scan bound, and what the evidence folder keeps. The fake's rows are
/// computed from the sample incident's trail files by the offline engine, so what comes back is a real answer.
/// </summary>
public sealed class AthenaQueryExecutorTests
{
    private const string Sql = "SELECT eventname, errorcode, count(*) AS n FROM cloudtrail GROUP BY 1, 2";
    private const string Insights = "stats count(*) as n by eventName, errorCode | sort n desc, eventName asc, errorCode asc";

    private static readonly string TrailFolder = Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");

    private static AthenaQueryOptions Fast(long? maxScan = AthenaQueryOptions.DefaultMaxScanBytes, int pageSize = 7) => new()
    {
        Database = "security",
        WorkGroup = "incident-response",
        OutputLocation = "s3://athena-results-307816459282/nbh/",
        MaxScanBytes = maxScan,
        PollInitialDelay = TimeSpan.FromMilliseconds(1),
        PollMaxDelay = TimeSpan.FromMilliseconds(5),
        PageSize = pageSize,
    };

    // The sample's trail, evaluated by the offline engine: the group rows of Insights, as Athena would send them
    // (a group whose errorCode is missing has a NULL cell), and the bytes of every trail file as the bytes scanned.
    private static FakeAthena.Table SampleCounts(string sql)
    {
        Assert.Equal(Sql, sql);
        var results = OfflineQueryRunner.FromPaths([TrailFolder]).RunAsync(Insights, TimeRange.All).GetAwaiter().GetResult();
        var rows = results.Rows.Select(r => (IReadOnlyList<string?>)[
            Cell(r, "eventName"), Cell(r, "errorCode"), Cell(r, "n")]).ToList();
        var bytes = Directory.EnumerateFiles(TrailFolder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new FakeAthena.Table([("eventname", "varchar"), ("errorcode", "varchar"), ("n", "bigint")], rows, bytes);
    }

    private static string? Cell(IReadOnlyList<ResultField> row, string field) => row.FirstOrDefault(f => f.Field == field)?.Value;

    [Fact]
    public async Task RunsAQueryFromQueuedThroughRunningToSucceededAndReadsEveryPageWithoutTheHeaderRow()
    {
        var athena = new FakeAthena(SampleCounts, "eu-west-1") { WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null } };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server, "eu-west-1");
        using var temp = new TempDirectory();
        var evidence = EvidenceDirectory.Open(temp.Path);
        var progress = new List<string>();

        var outcome = await new AthenaQueryExecutor(new AthenaClient(session.Sender), "eu-west-1", Fast(), evidence)
            .ExecuteAsync(Sql, new SynchronousProgress<string>(progress.Add));

        var expected = SampleCounts(Sql);
        Assert.True(expected.Rows.Count > 14, "the sample has enough groups for three pages of seven");
        Assert.Equal(expected.Rows, outcome.Rows);
        Assert.Contains(outcome.Rows, r => r[1] is null);
        Assert.Equal(["eventname", "errorcode", "n"], outcome.Columns.Select(c => c.Name));
        Assert.Equal(["varchar", "varchar", "bigint"], outcome.Columns.Select(c => c.Type));
        Assert.Equal(AthenaQueryState.Succeeded, outcome.Execution.State);
        Assert.Equal(expected.BytesScanned, outcome.Cost.BytesScanned);
        Assert.Empty(outcome.Warnings);
        Assert.Contains(progress, p => p.Contains("QUEUED", StringComparison.Ordinal));
        Assert.Contains(progress, p => p.Contains("RUNNING", StringComparison.Ordinal));

        var requests = server.Requests;
        Assert.All(requests, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem);
            Assert.Equal(("athena", "eu-west-1"), (r.Service, r.Region));
            Assert.Equal("application/x-amz-json-1.1", r.Headers["content-type"]);
            Assert.StartsWith("AmazonAthena.", r.Target, StringComparison.Ordinal);
        });
        var pages = (expected.Rows.Count + 1 + 6) / 7;
        Assert.Equal(
            ["StartQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution", "GetQueryExecution", .. Enumerable.Repeat("GetQueryResults", pages)],
            requests.Select(r => r.Operation));
        var start = Assert.Single(athena.Started);
        Assert.Equal(Sql, start.GetProperty("QueryString").GetString());
        Assert.Equal("security", start.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("incident-response", start.GetProperty("WorkGroup").GetString());
        Assert.Equal("s3://athena-results-307816459282/nbh/", start.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
        Assert.Equal(32, start.GetProperty("ClientRequestToken").GetString()!.Length);
        Assert.All(athena.PageSizes, size => Assert.Equal(7, size));

        // The evidence folder keeps the SQL, the final execution and every page, each in the manifest.
        var id = outcome.Execution.Id;
        Assert.Equal(
            [$"athena/{id}/execution.json", $"athena/{id}/query.sql", .. Enumerable.Range(1, pages).Select(n => $"athena/{id}/results-{n:D4}.json")],
            evidence.Entries.Select(e => e.Path));
        Assert.Equal(Sql + "\n", File.ReadAllText(evidence.FullPath($"athena/{id}/query.sql")));
        using var final = JsonDocument.Parse(File.ReadAllBytes(evidence.FullPath($"athena/{id}/execution.json")));
        Assert.Equal("SUCCEEDED", final.RootElement.GetProperty("QueryExecution").GetProperty("Status").GetProperty("State").GetString());
        var lastPage = requests.Last(r => r.Operation == "GetQueryResults");
        Assert.Contains("page " + pages, evidence.TryGet($"athena/{id}/results-{pages:D4}.json")!.Source, StringComparison.Ordinal);
        Assert.Equal(outcome.EvidencePaths.Order(StringComparer.Ordinal), evidence.Entries.Select(e => e.Path));
        Assert.Empty(await evidence.VerifyAsync());
        Assert.NotNull(lastPage);
    }

    [Fact]
    public async Task AFailedQueryNamesAthenasReasonKeepsItsExecutionAndIsNotCharged()
    {
        var athena = new FakeAthena(_ => throw new FakeAthena.QueryFailure("COLUMN_NOT_FOUND: line 1:8: Column 'eventnme' cannot be resolved"))
        {
            WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null },
        };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server);
        using var temp = new TempDirectory();
        var evidence = EvidenceDirectory.Open(temp.Path);

        var error = await Assert.ThrowsAsync<AthenaQueryException>(() =>
            new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast(), evidence).ExecuteAsync("SELECT eventnme FROM cloudtrail"));

        Assert.Contains("FAILED: COLUMN_NOT_FOUND: line 1:8: Column 'eventnme' cannot be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Execution!.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(AthenaQueryState.Failed, error.Execution.State);
        Assert.Equal(0m, error.Cost!.Dollars);
        Assert.Equal(
            [$"athena/{error.Execution.Id}/execution.json", $"athena/{error.Execution.Id}/query.sql"],
            evidence.Entries.Select(e => e.Path));
        Assert.DoesNotContain(server.Requests, r => r.Operation == "GetQueryResults");
    }

    [Fact]
    public async Task CancellingStopsTheQueryExecutionAndKeepsItsCancelledState()
    {
        using var cancel = new CancellationTokenSource();
        var athena = new FakeAthena(SampleCounts) { NeverEnds = true, WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null } };
        var polls = 0;
        await using var server = await FakeAwsServer.StartAsync(r =>
        {
            var response = athena.Handle(r);
            if (r.Operation == "GetQueryExecution" && Interlocked.Increment(ref polls) == 3)
            {
                cancel.Cancel();
            }

            return response;
        });
        using var session = TestAws.Session(server);
        using var temp = new TempDirectory();
        var evidence = EvidenceDirectory.Open(temp.Path);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast(), evidence).ExecuteAsync(Sql, null, cancel.Token));

        var id = Assert.Single(athena.Stopped);
        Assert.Equal("StopQueryExecution", server.Requests.Last(r => r.Operation != "GetQueryExecution").Operation);
        using var final = JsonDocument.Parse(File.ReadAllBytes(evidence.FullPath($"athena/{id}/execution.json")));
        Assert.Equal("CANCELLED", final.RootElement.GetProperty("QueryExecution").GetProperty("Status").GetProperty("State").GetString());
    }

    [Fact]
    public async Task AQueryThatScansPastTheBoundIsStoppedAndReportsWhatItScannedAndCost()
    {
        // Each RUNNING poll reports the trail's bytes once more: the third poll passes a bound of 2.5 times them.
        var trailBytes = SampleCounts(Sql).BytesScanned;
        var athena = new FakeAthena(SampleCounts) { NeverEnds = true, WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null } };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server);

        var error = await Assert.ThrowsAsync<AthenaScanLimitException>(() =>
            new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast(maxScan: trailBytes * 5 / 2)).ExecuteAsync(Sql));

        Assert.Equal(error.Execution!.Id, Assert.Single(athena.Stopped));
        Assert.Equal(AthenaQueryState.Cancelled, error.Execution.State);
        Assert.Equal(trailBytes * 3, error.Cost!.BytesScanned);
        Assert.Contains("more than the", error.Message, StringComparison.Ordinal);
        Assert.Contains("--max-scan-gb", error.Message, StringComparison.Ordinal);
        Assert.True(error.Cost.Dollars > 0, "a cancelled query is charged for what it scanned");
    }

    [Fact]
    public async Task PagingStopsWithAWarningWhenTheServiceRepeatsAToken()
    {
        var athena = new FakeAthena(SampleCounts) { RepeatsToken = true, WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null } };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server);

        var outcome = await new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast()).ExecuteAsync(Sql);

        Assert.Equal(13, outcome.Rows.Count);
        Assert.Equal(2, server.Requests.Count(r => r.Operation == "GetQueryResults"));
        var warning = Assert.Single(outcome.Warnings);
        Assert.StartsWith("INCOMPLETE: GetQueryResults of Athena query", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWithNoOutputLocationAnywhereIsRefusedWithAthenasMessage()
    {
        var athena = new FakeAthena(SampleCounts);
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast() with { WorkGroup = null, OutputLocation = null }).ExecuteAsync(Sql));

        Assert.Equal(AwsErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("InvalidRequestException", error.ErrorCode);
        Assert.Contains("No output location provided", error.Message, StringComparison.Ordinal);
        Assert.Equal("athena:StartQueryExecution in us-east-1: InvalidRequestException: No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input. → check the parameters.",
            NotebookHelpers.Aws.AwsErrorAdvice.Describe(error));
    }

    [Fact]
    public async Task AwsEndpointUrlAthenaSendsAthenaAndOnlyAthenaToItsEndpoint()
    {
        var athena = new FakeAthena(SampleCounts) { WorkGroups = new Dictionary<string, string?> { ["incident-response"] = null } };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = NotebookHelpers.Aws.AwsSession.Open(new NotebookHelpers.Aws.AwsSessionSettings
        {
            Region = "us-east-1",
            Environment = new NotebookHelpers.Aws.AwsEnvironment(new Dictionary<string, string>
            {
                ["AWS_ENDPOINT_URL_ATHENA"] = server.Url.ToString(),
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/",
            }),
            Credentials = new Amazon.Runtime.BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
            ClientOptions = TestAws.FastOptions(),
        });

        var outcome = await new AthenaQueryExecutor(new AthenaClient(session.Sender), "us-east-1", Fast()).ExecuteAsync(Sql);

        Assert.Equal(AthenaQueryState.Succeeded, outcome.Execution.State);
        Assert.Equal(new Uri(server.Url.ToString()), session.Endpoints.Resolve(AwsService.Athena, "us-east-1").Url);
        Assert.Equal("https://athena.eu-west-1.amazonaws.com/", new AwsEndpointResolver(new NotebookHelpers.Aws.AwsEnvironment(new Dictionary<string, string>()))
            .Resolve(AwsService.Athena, "eu-west-1").Url.ToString());
    }

    [Fact]
    public async Task GetWorkGroupReadsTheWorkgroupsOutputLocation()
    {
        var athena = new FakeAthena(SampleCounts) { WorkGroups = new Dictionary<string, string?> { ["ir"] = "s3://ir-results/athena/" } };
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var session = TestAws.Session(server);

        var workGroup = await new AthenaClient(session.Sender).GetWorkGroupAsync("us-east-1", "ir", CancellationToken.None);

        Assert.Equal(new AthenaWorkGroup("ir", "s3://ir-results/athena/", false, null), workGroup);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
