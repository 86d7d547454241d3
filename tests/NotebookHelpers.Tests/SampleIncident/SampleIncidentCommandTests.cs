using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.SampleIncident;

namespace NotebookHelpers.Tests.SampleIncident;

public sealed class SampleIncidentCommandTests(CliSampleRunFixture cliRun) : IClassFixture<CliSampleRunFixture>
{
    [Theory]
    [InlineData(new[] { "sample-incident" }, "option '--out' is required")]
    [InlineData(new[] { "sample-incident", "--out", "x", "--scale", "2", "--events", "100" }, "give --scale or --events, not both")]
    [InlineData(new[] { "sample-incident", "--out", "x", "--seed", "twelve" }, "--seed must be a whole number")]
    [InlineData(new[] { "sample-incident", "--out", "x", "--scale", "0" }, "--scale must be a whole number from 1")]
    [InlineData(new[] { "sample-incident", "--out", "x", "extra" }, "unexpected argument 'extra'")]
    public async Task RejectsAWrongCommandLineWithExitCodeTwoAndOneLine(string[] args, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr));

        Assert.Equal(CliApplication.UsageExitCode, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void WritesTheSampleAndPrintsItsFolderOnStdoutAndTheSummaryOnStderr()
    {
        Assert.Equal(0, cliRun.ExitCode);
        Assert.Equal(Path.GetFullPath(cliRun.Folder), cliRun.Stdout.Trim());
        Assert.Contains("seed 11, scale 2, 5 days:", cliRun.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cliRun.Folder, "answer-key.json")));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10_000, 1)]
    [InlineData(100_000, 12)]
    [InlineData(1_000_000, 24)]
    public void ChoosesTheScaleForAnEventCount(long events, int scale)
    {
        Assert.Equal(scale, SampleIncidentOptions.ScaleForEventCount(events));
    }

    [Fact]
    public void TheScaleFormulaPredictsTheEventCountWithinTenPercent()
    {
        Assert.Equal(0, cliRun.ExitCode);
        var counts = SampleIncidentFiles.Parse(File.ReadAllText(Path.Combine(cliRun.Folder, "answer-key.json"))).GetProperty("counts");
        var events = counts.GetProperty("events").GetInt64();

        var predicted = SampleIncidentOptions.FixedEvents + (2 * SampleIncidentOptions.EventsPerScale);
        Assert.InRange(events, predicted * 0.9, predicted * 1.1);
        Assert.Equal(events, counts.GetProperty("cloudWatchEvents").GetInt64());
    }

    [Fact]
    public void LargeEventCountsMakeTheRecordingLongerRatherThanDenser()
    {
        var options = SampleIncidentOptions.ForEventCount("x", 1_000_000);

        Assert.Equal(SampleIncidentOptions.MaxDensity, options.Scale);
        Assert.Equal(21, options.Days);
        Assert.Equal(SampleIncidentOptions.DefaultDays, SampleIncidentOptions.ForEventCount("x", 50_000).Days);
    }

    [Fact]
    public void MoreDaysStartTheRecordingEarlierAndTellTheSameStory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbh-sample-days-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var summary = SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = folder, Days = 6 });

            var key = SampleIncidentFiles.Parse(File.ReadAllText(Path.Combine(folder, "answer-key.json")));
            var committed = SampleIncidentFiles.Instance.AnswerKey;
            Assert.Equal("2025-03-06T00:00:00Z", key.GetProperty("recording").GetProperty("start").GetString());
            Assert.Equal(
                committed.GetProperty("timeline").EnumerateArray().Select(t => $"{t.GetProperty("time")} {t.GetProperty("eventName")}"),
                key.GetProperty("timeline").EnumerateArray().Select(t => $"{t.GetProperty("time")} {t.GetProperty("eventName")}"));
            Assert.InRange(summary.Events, 11_500, 15_000); // measured 13,250 (the five-day sample has 10,222)
            Assert.True(summary.EventHistoryEvents > committed.GetProperty("counts").GetProperty("eventHistoryEvents").GetInt32(),
                "a sixth day of svc-reporting's daily job reaches Event History");
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}
