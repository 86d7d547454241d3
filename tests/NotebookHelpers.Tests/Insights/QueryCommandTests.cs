using System.Text.Json;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Insights;

public class QueryCommandTests
{
    // Commands that fail before reading need only an existing folder: the sample incident's trail.
    private static readonly string SampleTrail = Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3");

    [SharedDataFact]
    public async Task PrintsTheGetQueryResultsResponseForTheTamperingQuery()
    {
        var (exit, stdout, stderr) = await Run(
            "query", "--logs", RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail"), "--format", "json",
            "filter eventName in [\"StopLogging\",\"DeleteTrail\"] | stats count(*) as n by eventName");
        Assert.Equal(0, exit);
        Assert.Equal(
            "{\"status\":\"Complete\",\"results\":[[{\"field\":\"eventName\",\"value\":\"DeleteTrail\"},{\"field\":\"n\",\"value\":\"3\"}],[{\"field\":\"eventName\",\"value\":\"StopLogging\"},{\"field\":\"n\",\"value\":\"3\"}]]," +
            "\"statistics\":{\"recordsMatched\":6.0,\"recordsScanned\":2900.0,\"bytesScanned\":3657286.0}}\n",
            stdout);
        Assert.Contains("records matched 6, scanned 2,900", stderr, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task TableAndCsvFormatsAndATimeRange()
    {
        var path = RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail");
        var (exit, table, _) = await Run("query", "--logs", path, "--start", "2023-07-10T12:00:00Z", "--end", "2023-07-10T12:00:59Z", "stats count(*) as n");
        Assert.Equal(0, exit);
        Assert.StartsWith("n\n-", table, StringComparison.Ordinal);
        var (_, csv, _) = await Run("query", "--logs", path, "--format", "csv", "filter eventName = \"StopLogging\" | fields eventName, awsRegion | sort @timestamp asc | limit 1");
        Assert.StartsWith("eventName,awsRegion,@ptr\r\nStopLogging,us-east-1,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryErrorPointsAtTheTextWithACaretAndExitsWithTwo()
    {
        var (exit, stdout, stderr) = await Run("query", "--logs", SampleTrail, "fields a | pattern a");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("nbh query: line 1, column 12: `pattern` is not supported offline; run it with --logs cwl:GROUP (CloudWatch Logs).\n  fields a | pattern a\n             ^^^^^^^\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--start", "yesterday-ish")]
    public async Task BadOptionsAreUsageErrors(string option, string value)
    {
        var (exit, _, stderr) = await Run("query", "--logs", SampleTrail, option, value, "stats count(*)");
        Assert.Equal(2, exit);
        Assert.StartsWith("nbh query: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPathsAndMissingQueriesAreUsageErrors()
    {
        Assert.Equal(2, (await Run("query", "--logs", "/nonexistent/logs", "stats count(*)")).Exit);
        Assert.Equal(2, (await Run("query", "stats count(*)")).Exit);
        Assert.Equal(2, (await Run("query", "--logs", SampleTrail)).Exit);
    }

    [Fact]
    public async Task BadInputIsReportedOnStderrAndTheQueryStillAnswers()
    {
        var dir = Directory.CreateTempSubdirectory("nbh-query-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "good.json"), "{\"Records\":[{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"A\",\"eventID\":\"1\"},{\"eventTime\":\"2024-01-01T00:00:01Z\",\"eventName\":\"B\",\"eventID\":\"2\"}]}");
            File.WriteAllText(Path.Combine(dir.FullName, "bad.json"), "{\"Records\":[{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"C\",\"eventID\":\"3\"},{\"eventTime\": oops}]}");
            var (exit, stdout, stderr) = await Run("query", "--logs", dir.FullName, "--format", "json", "stats count(*) as n");
            Assert.Equal(0, exit);
            var n = JsonDocument.Parse(stdout).RootElement.GetProperty("results")[0][0].GetProperty("value").GetString();
            Assert.Equal("3", n);
            Assert.Contains("warning: ", stderr, StringComparison.Ordinal);
            Assert.Contains("bad.json:line 1@byte 93: invalid JSON", stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task QueriesTheSampleIncidentByNameAsTheNotebooksDo()
    {
        var (exit, stdout, _) = await Run("query", "--logs", "sample", "--format", "json", "stats count(*) as n");

        Assert.Equal(0, exit);
        using var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json")));
        // "sample" is the trail's S3 copy: every event but the ones whose log object the story deleted.
        var expected = key.RootElement.GetProperty("counts").GetProperty("events").GetInt32() - key.RootElement.GetProperty("counts").GetProperty("trailRecordsDeleted").GetInt32();
        using var result = JsonDocument.Parse(stdout);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), result.RootElement.GetProperty("results")[0][0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task AnUnknownCopyOfTheSampleIsAUsageErrorNamingTheCopies()
    {
        var (exit, stdout, stderr) = await Run("query", "--logs", "sample:nope", "stats count(*)");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("trail-s3, event-history, cloudwatch-logs", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
