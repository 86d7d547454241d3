using System.Text.RegularExpressions;
using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Insights.Sql;
using NotebookHelpers.Tests.Support;
using Xunit.Abstractions;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// The protocol proof: <c>nbh query --engine athena</c> against a loopback Athena that walks QUEUED → RUNNING →
/// SUCCEEDED (or FAILED; the walk on the sample's query, the real recording's queries succeed at the first poll so
/// the run does not wait nbh's 1.25 s of polling 51 times), pages its results with the header row, and answers with rows embedded DuckDB computes for
/// the rendered query's DuckDB twin (<see cref="DuckDbAthenaTwin"/>), prints what the offline engine prints over the
/// same files: on a real recording (Invictus IR's CloudTrail files, laid out in the bucket as CloudTrail delivers them)
/// for every conformance query Trino accepts, and on the sample incident over several result pages.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class AthenaConformanceTests(ITestOutputHelper output)
{
    private const string InvictusFolder = "invictus-ir-aws-dataset/CloudTrail";
    private const string Start = "2023-07-09T00:00:00Z";
    private const string End = "2023-07-11T23:59:59Z";

    [SharedDataFact]
    public async Task EveryConformanceQueryTrinoAcceptsPrintsTheOfflineEnginesResultsOnARealRecording()
    {
        var folder = RepositoryPaths.SharedDataset(InvictusFolder);
        var objects = Directory.GetFiles(folder, "*.json").ToDictionary(Key, f => f, StringComparer.Ordinal);
        var twin = new DuckDbAthenaTwin(objects, "invictus-trail", "security.trail");
        var bucket = new FakeS3Bucket("invictus-trail", pageSize: 1000);
        foreach (var (key, file) in objects)
        {
            bucket.Put(key, File.ReadAllBytes(file));
        }

        // Succeeded at the first poll: what is compared here is the rows; the state walk (each poll that does not end
        // the query is a real wait of nbh's) is ResultsOverSeveralPagesWithTheirHeaderRowPrintAsOffline's.
        var athena = new FakeAthena(twin.Evaluate) { QueuedPolls = 0, RunningPolls = 0, WorkGroups = new Dictionary<string, string?> { ["primary"] = "s3://results/" } };
        athena.CreateTable(CloudTrailTableDdl.Render(new CloudTrailTableSpec
        {
            Bucket = "invictus-trail",
            Accounts = ["218007301253"],
            Regions = ["us-east-1"],
            Database = "security",
            Table = "trail",
        }));
        await using var server = await FakeAwsServer.StartAsync(r => r.Service == "s3" ? bucket.Handle(r) : athena.Handle(r));
        using var env = EnvironmentScope.ForServer(server);

        // Athena has no input order: its ties (equal sort keys, earliest/latest, which row a dedup keeps) go to eventid
        // order. The offline engine's go to input order, so it reads the same records in eventid order.
        using var inEventIdOrder = new TempDirectory();
        WriteInEventIdOrder(objects.Values, Path.Combine(inEventIdOrder.Path, "events.json"));

        var accepted = 0;
        var differences = new List<string>();
        foreach (var query in ConformanceQueries.Language)
        {
            twin.Register(query, TimeRange.Parse(Start, End));
            var onAthena = await CliRun.RunAsync("query", "--engine", "athena", "--table", "security.trail", "--start", Start, "--end", End, "--format", "json", query);
            if (onAthena.ExitCode == CliApplication.UsageExitCode)
            {
                output.WriteLine($"refused: {query}: {onAthena.Error.Trim()}");
                continue;
            }

            accepted++;
            var offline = await CliRun.RunAsync("query", "--logs", inEventIdOrder.Path, "--start", Start, "--end", End, "--format", "json", query);
            Assert.Equal(0, offline.ExitCode);
            if (onAthena.ExitCode != 0)
            {
                differences.Add($"{query}\n  failed on Athena: {string.Join(" | ", onAthena.Error.Split('\n').Where(l => !l.Contains("started in", StringComparison.Ordinal) && !l.Contains(" scanned", StringComparison.Ordinal) || l.Contains("FAILED", StringComparison.Ordinal)))}");
            }
            else if (AthenaQueryCommandTests.WithoutBytesAndPointers(offline.Out) != AthenaQueryCommandTests.WithoutBytesAndPointers(onAthena.Out))
            {
                differences.Add($"{query}\n  offline: {Cut(AthenaQueryCommandTests.WithoutBytesAndPointers(offline.Out))}\n  athena:  {Cut(AthenaQueryCommandTests.WithoutBytesAndPointers(onAthena.Out))}");
            }
        }

        output.WriteLine($"{accepted} of {ConformanceQueries.Language.Length} accepted, {differences.Count} differ");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.True(accepted * 10 >= ConformanceQueries.Language.Length * 9, $"{accepted} of {ConformanceQueries.Language.Length} accepted");
        Assert.Equal(2 * accepted, athena.Started.Count);
    }

    [Fact]
    public async Task ResultsOverSeveralPagesWithTheirHeaderRowPrintAsOffline()
    {
        const string query = "filter eventSource = \"s3.amazonaws.com\" | fields eventID, eventName, sourceIPAddress | sort eventID asc";
        const string start = "2025-03-10T00:00:00Z";
        const string end = "2025-03-11T23:59:59Z";
        await using var account = await SampleTrailAthena.StartAsync(queuedPolls: 1, runningPolls: 1);
        account.Twin.Register(query, TimeRange.Parse(start, end));
        using var env = EnvironmentScope.ForServer(account.Server);

        var onAthena = await CliRun.RunAsync("query", "--engine", "athena", "--table", SampleTrailAthena.Table, "--workgroup", "ir", "--start", start, "--end", end, "--format", "json", query);
        var offline = await CliRun.RunAsync("query", "--logs", SampleTrailAthena.TrailFolder, "--start", start, "--end", end, "--format", "json", query);

        Assert.True(onAthena.ExitCode == 0, onAthena.Error);
        Assert.Equal(AthenaQueryCommandTests.WithoutBytesAndPointers(offline.Out), AthenaQueryCommandTests.WithoutBytesAndPointers(onAthena.Out));
        var pages = account.Server.Requests.Count(r => r.Operation == "GetQueryResults");
        Assert.True(pages > 2, $"{pages} GetQueryResults calls: the rows fit one page, so paging was not exercised");
        // Both executions (rows and statistics) were seen QUEUED, then RUNNING, then SUCCEEDED: three polls each.
        Assert.Equal(2, account.Athena.Started.Count);
        Assert.Equal(6, account.Server.Requests.Count(r => r.Operation == "GetQueryExecution"));
    }

    [Fact]
    public async Task AFailedExecutionEndsTheRunWithAthenasReasonAndWhatItCost()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        using var env = EnvironmentScope.ForServer(account.Server);

        // Not registered: the loopback Athena fails it, as an engine fails SQL it cannot run.
        var run = await CliRun.RunAsync("query", "--engine", "athena", "--table", SampleTrailAthena.Table, "--workgroup", "ir", "--start", "2025-03-10", "stats count(*)");

        Assert.Equal(CliApplication.FailureExitCode, run.ExitCode);
        Assert.Matches(@"nbh query: Athena query [0-9a-f-]+ FAILED: NOT_SUPPORTED: the loopback Athena evaluates only the renderings of registered queries", run.Error);
        Assert.Contains("(not charged)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    // Every record of the files as one {"Records": […]} file, in eventid order (then file and position, as the twin).
    private static void WriteInEventIdOrder(IEnumerable<string> files, string path)
    {
        var records = files.Order(StringComparer.Ordinal)
            .SelectMany(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f))!["Records"]!.AsArray().Select(r => r!.ToJsonString()))
            .Select((json, i) => (Id: System.Text.Json.Nodes.JsonNode.Parse(json)!["eventID"]?.GetValue<string>(), Json: json, Index: i))
            .OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Index)
            .Select(r => r.Json);
        File.WriteAllText(path, "{\"Records\":[" + string.Join(",\n", records) + "]}");
    }

    // Where CloudTrail delivers a log file: AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/NAME, from its name.
    private static string Key(string file)
    {
        var name = Path.GetFileName(file);
        var m = DeliveryName().Match(name);
        Assert.True(m.Success, name);
        return $"AWSLogs/{m.Groups["account"].Value}/CloudTrail/{m.Groups["region"].Value}/{m.Groups["y"].Value}/{m.Groups["m"].Value}/{m.Groups["d"].Value}/{name}";
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex(@"^(?<account>[0-9]{12})_CloudTrail_(?<region>[a-z0-9-]+)_(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})T")]
    private static partial Regex DeliveryName();
}
