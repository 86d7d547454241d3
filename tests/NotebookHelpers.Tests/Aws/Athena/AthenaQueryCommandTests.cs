using System.Text.Json.Nodes;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// <c>nbh query --engine athena</c> against a loopback Athena over the sample incident's organization trail: the Logs
/// Insights query goes to Athena as its Trino rendering bounded by the range's partitions, the result prints as the
/// offline engine's over the same files, with Athena's bytes scanned and the cost; the scan bound refuses before
/// anything starts; Ctrl-C stops the executions; the SQL, executions and result pages are kept in the evidence folder.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AthenaQueryCommandTests
{
    private const string Start = "2025-03-10T00:00:00Z";
    private const string End = "2025-03-11T23:59:59Z";
    private const string Query = "filter eventSource = \"iam.amazonaws.com\" | stats count(*) as n by eventName | sort n desc, eventName asc";

    [Fact]
    public async Task PrintsTheOfflineEnginesResultWithAthenasBytesScannedAndTheCost()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        account.Twin.Register(Query, TimeRange.Parse(Start, End));
        using var env = EnvironmentScope.ForServer(account.Server);
        using var evidence = new TempDirectory();

        var athena = await CliRun.RunAsync("query", "--engine", "athena", "--table", SampleTrailAthena.Table, "--workgroup", "ir",
            "--start", Start, "--end", End, "--format", "json", "--evidence", evidence.Path, Query);
        var offline = await CliRun.RunAsync("query", "--logs", SampleTrailAthena.TrailFolder, "--start", Start, "--end", End, "--format", "json", Query);

        Assert.True(athena.ExitCode == 0, athena.Error);
        Assert.Equal(0, offline.ExitCode);
        Assert.Equal(WithoutBytesAndPointers(offline.Out), WithoutBytesAndPointers(athena.Out));
        Assert.NotEqual("[]", JsonNode.Parse(athena.Out)!["results"]!.ToJsonString());

        var started = account.Athena.Started.Select(s => s.GetProperty("QueryString").GetString()!).ToList();
        Assert.Equal(2, started.Count);
        Assert.Equal(started.Order(StringComparer.Ordinal), account.Twin.Evaluated.Order(StringComparer.Ordinal));
        Assert.All(started, sql => Assert.Contains("AND \"timestamp\" BETWEEN '2025/03/09' AND '2025/03/12'", sql, StringComparison.Ordinal));
        Assert.All(account.Athena.Started, s => Assert.Equal("security", s.GetProperty("QueryExecutionContext").GetProperty("Database").GetString()));
        Assert.All(account.Athena.Started, s => Assert.Equal("ir", s.GetProperty("WorkGroup").GetString()));

        // Athena's DataScannedInBytes of both executions: every file of the selected partitions, read twice.
        var partitionBytes = Directory.EnumerateFiles(Path.Combine(SampleTrailAthena.TrailFolder, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories)
            .Where(f => f.Contains("/CloudTrail/", StringComparison.Ordinal) && new[] { "/2025/03/09/", "/2025/03/10/", "/2025/03/11/", "/2025/03/12/" }.Any(d => f.Contains(d, StringComparison.Ordinal)))
            .Sum(f => new FileInfo(f).Length);
        Assert.Equal(2 * partitionBytes, JsonNode.Parse(athena.Out)!["statistics"]!["bytesScanned"]!.GetValue<double>());
        Assert.Contains("the rows and the statistics queries will each scan", athena.Error, StringComparison.Ordinal);
        Assert.Contains("objects of", athena.Error, StringComparison.Ordinal);
        Assert.Matches(@"nbh query: Athena: rows query [0-9a-f-]+: .* scanned, \$0\.0000\d+ at \$5\.00/TB.*; statistics query [0-9a-f-]+: .*; total .* scanned, \$0\.0000\d+ at \$5\.00/TB", athena.Error);

        // Each execution's SQL, final state and result pages, listed in the manifest.
        var manifest = File.ReadAllText(Path.Combine(evidence.Path, "manifest.jsonl"));
        foreach (var (sql, index) in started.Select((s, i) => (s, i)))
        {
            var folder = Directory.GetDirectories(Path.Combine(evidence.Path, "athena")).Single(d => File.ReadAllText(Path.Combine(d, "query.sql")) == sql + "\n");
            var id = Path.GetFileName(folder);
            Assert.True(File.Exists(Path.Combine(folder, "execution.json")));
            Assert.True(File.Exists(Path.Combine(folder, "results-0001.json")));
            Assert.Contains($"athena/{id}/query.sql", manifest, StringComparison.Ordinal);
            Assert.Contains($"athena/{id}/results-0001.json", manifest, StringComparison.Ordinal);
        }

        Unprotect(evidence.Path);
    }

    [Fact]
    public async Task AthenasOwnEndpointVariableIsHonoured()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        account.Twin.Register(Query, TimeRange.Parse(Start, End));
        using var env = EnvironmentScope.ForServer(account.Server);
        // Every other endpoint is a closed port: only AWS_ENDPOINT_URL_ATHENA (and S3's, for the estimate) reach the account.
        using var endpoints = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/",
            ["AWS_ENDPOINT_URL_ATHENA"] = account.Server.Url.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = account.Server.Url.ToString(),
        });

        var run = await CliRun.RunAsync("query", "--engine", "athena", "--table", SampleTrailAthena.Table, "--workgroup", "ir",
            "--start", Start, "--end", End, "--format", "csv", Query);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("eventName,n\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(2, account.Athena.Started.Count);
    }

    [Fact]
    public async Task AQueryThatWouldScanMoreThanTheBoundIsRefusedBeforeAnythingStarts()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        account.Twin.Register(Query, TimeRange.Parse(Start, End));
        using var env = EnvironmentScope.ForServer(account.Server);

        var run = await CliRun.RunAsync("query", "--engine", "athena", "--table", SampleTrailAthena.Table, "--workgroup", "ir",
            "--start", Start, "--end", End, "--max-scan-gb", "0.001", Query);

        Assert.Equal(CliApplication.FailureExitCode, run.ExitCode);
        Assert.Empty(account.Athena.Started);
        Assert.Contains("nbh query: Athena table security.org_trail: a query would scan ", run.Error, StringComparison.Ordinal);
        Assert.Contains(" allowed (max-scan-gb); narrow --start/--end, --accounts or --regions.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task CancellingStopsBothExecutions()
    {
        var athena = new FakeAthena(_ => throw new FakeAthena.QueryFailure("never evaluated")) { NeverEnds = true, QueuedPolls = 0, WorkGroups = new Dictionary<string, string?> { ["primary"] = "s3://results/" } };
        athena.CreateTable(NotebookHelpers.Aws.Athena.CloudTrailTableDdl.Render(new NotebookHelpers.Aws.Athena.CloudTrailTableSpec { Bucket = "trail", Accounts = ["111122223333"], Regions = ["us-east-1"] }));
        var bucket = new FakeS3Bucket("trail");
        await using var server = await FakeAwsServer.StartAsync(r => r.Service == "s3" ? bucket.Handle(r) : athena.Handle(r));
        using var env = EnvironmentScope.ForServer(server);
        using var cancel = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var run = CliApplication.RunAsync(["query", "--engine", "athena", "--start", Start, "--end", End, "stats count(*)"], new CliConsole(output, error), cancel.Token);
        // Both executions started and polled (their ids known to nbh).
        while (server.Requests.Where(r => r.Operation == "GetQueryExecution").Select(r => r.Json.GetProperty("QueryExecutionId").GetString()).Distinct().Count() < 2 && !run.IsCompleted)
        {
            await Task.Delay(20);
        }

        await cancel.CancelAsync();
        var code = await run;

        Assert.Equal(CliApplication.FailureExitCode, code);
        Assert.Contains("nbh query: cancelled.", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, athena.Stopped.Distinct().Count());
    }

    [Theory]
    [InlineData("fields @message | limit 5", "@message")]
    [InlineData("stats pct(eventVersion, 50)", "pct()")]
    public async Task WhatTrinoCannotExpressIsRefusedWithoutAnAwsCall(string query, string construct)
    {
        var athena = new FakeAthena(_ => throw new FakeAthena.QueryFailure("never evaluated"));
        await using var server = await FakeAwsServer.StartAsync(athena.Handle);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--engine", "athena", "--start", Start, query);

        Assert.Equal(CliApplication.UsageExitCode, run.ExitCode);
        Assert.Contains(construct, run.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(new[] { "--logs", "trail/" }, "--engine athena reads the table of --table (and --database), not --logs.")]
    [InlineData(new[] { "--end", End }, "an Athena query needs a start time")]
    [InlineData(new[] { "--start", Start, "--accounts", "1234" }, "'1234' is not an account id (12 digits).")]
    [InlineData(new[] { "--start", Start, "--table", "a.b", "--database", "c" }, "--table a.b names database a, but --database says c.")]
    [InlineData(new[] { "--start", Start, "--table", "Org-Trail" }, "is not a Glue table name")]
    public async Task OptionsThatCannotMakeAnAthenaQueryAreUsageErrors(string[] options, string message)
    {
        var run = await CliRun.RunAsync(["query", "--engine", "athena", .. options, "stats count(*)"]);

        Assert.Equal(CliApplication.UsageExitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    /// <summary>The GetQueryResults JSON without what differs by design: bytes (Athena's own) and @ptr (its "$path"#eventid).</summary>
    internal static string WithoutBytesAndPointers(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["statistics"]!.AsObject().Remove("bytesScanned");
        foreach (var row in root["results"]!.AsArray())
        {
            var fields = row!.AsArray();
            foreach (var pointer in fields.Where(f => f!["field"]!.GetValue<string>() == "@ptr").ToList())
            {
                fields.Remove(pointer);
            }
        }

        return root.ToJsonString();
    }

    private static void Unprotect(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }
}
