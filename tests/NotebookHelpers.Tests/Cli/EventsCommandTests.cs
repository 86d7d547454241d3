using System.Text.Json;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Cli;

public class EventsCommandTests
{
    [SharedDataFact]
    public async Task ReportsTheSans504CountsTheIssueAsksFor()
    {
        var (exit, stdout, stderr) = await Run("events", RepositoryPaths.SharedDataset("suzaku-sample-data-sans504/SANS-504-S3-ransomware-lab"));

        Assert.Equal(0, exit);
        Assert.Contains("events: 23,981", stderr, StringComparison.Ordinal);
        Assert.Contains("duplicates: 6,496", stderr, StringComparison.Ordinal);
        Assert.Contains("skipped: 0", stderr, StringComparison.Ordinal);
        Assert.Equal(23981 + 1, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [SharedDataFact]
    public async Task JsonLinesOutputCarriesOneCompactRecordPerLineAndNothingElse()
    {
        var (exit, stdout, stderr) = await Run("events", RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs"), "--format", "jsonl");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(310, lines.Length - 1);
        Assert.All(lines[..^1], line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains("events: 310", stderr, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task JsonLinesOutputKeepsCompactSourcesByteForByte()
    {
        var path = RepositoryPaths.SharedDataset("awsdocs-cloudtrail-examples/awsdocs-example-records.extracted.jsonl");
        var (_, stdout, stderr) = await Run("events", path, "--format", "jsonl");

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n') + "\n", stdout);
        Assert.Contains("conflict: eventID f8ef8fc5-e3e8-4ee1-9d52-2f412ddf17e3", stderr, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task FiltersByTimeRange()
    {
        var (_, stdout, stderr) = await Run("events", RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail"),
            "--start", "2023-07-10T12:00:00Z", "--end", "2023-07-10T12:05:00Z", "--format", "jsonl");

        var times = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => DateTimeOffset.Parse(JsonDocument.Parse(l).RootElement.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.InRange(t, new DateTimeOffset(2023, 7, 10, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 7, 10, 12, 5, 0, TimeSpan.Zero)));
        Assert.Contains("outside the time range:", stderr, StringComparison.Ordinal);
        Assert.Contains("files pruned by name", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "events" }, "give at least one PATH")]
    [InlineData(new[] { "events", "x", "--format", "xml" }, "--format must be table or jsonl")]
    [InlineData(new[] { "events", "x", "--start", "soon" }, "the start time 'soon'")]
    [InlineData(new[] { "events", "x", "--bogus" }, "unknown option '--bogus'")]
    public async Task UsageErrorsExitWithTwoAndOneLine(string[] args, string message)
    {
        var (exit, stdout, stderr) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task MissingPathIsAUsageErrorWithOneLine()
    {
        var (exit, stdout, stderr) = await Run("events", "/no/such/evidence");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("nbh events: no such file or directory: /no/such/evidence\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task StrictModeFailsOnTheFirstProblemWithItsLocation()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("bad.json", """{"Records":[{"eventTime":"2024-01-01T00:00:00Z","eventName":"A"},{"eventTime":"2024-01-01T00:00:01Z","eventName":tru}]}""");

        var (lenient, _, lenientErr) = await Run("events", bad);
        var (strict, _, strictErr) = await Run("events", bad, "--strict");

        Assert.Equal(0, lenient);
        Assert.Contains("skipped: 1 (InvalidJson 1)", lenientErr, StringComparison.Ordinal);
        Assert.Equal(1, strict);
        Assert.StartsWith($"nbh events: {bad}:line 1@byte ", strictErr, StringComparison.Ordinal);
        Assert.Contains("invalid JSON: a malformed true/false/null", strictErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableNeutralisesControlCharactersFromTheLogs()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("evil.json", """{"eventTime":"2024-01-01T00:00:00Z","eventName":"X\u001b[31mRED","userAgent":"a"}""");

        var (_, stdout, _) = await Run("events", path);

        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains("X\uFFFD[31mRED", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
