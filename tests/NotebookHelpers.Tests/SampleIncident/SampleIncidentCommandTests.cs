using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.SampleIncident;

namespace NotebookHelpers.Tests.SampleIncident;

public sealed class SampleIncidentCommandTests
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
    public async Task WritesTheSampleAndPrintsItsFolderOnStdoutAndTheSummaryOnStderr()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbh-sample-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = await CliApplication.RunAsync(["sample-incident", "--out", folder, "--seed", "11"], new CliConsole(stdout, stderr));

            Assert.Equal(0, code);
            Assert.Equal(Path.GetFullPath(folder), stdout.ToString().Trim());
            Assert.Contains("seed 11, scale 1:", stderr.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "answer-key.json")));
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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10_000, 1)]
    [InlineData(1_000_000, 118)]
    public void ChoosesTheScaleForAnEventCount(long events, int scale)
    {
        Assert.Equal(scale, SampleIncidentOptions.ScaleForEventCount(events));
    }

    [Fact]
    public void TheScaleFormulaPredictsTheEventCountWithinTenPercent()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbh-sample-scale-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var summary = SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = folder, Scale = 3 });

            var predicted = SampleIncidentOptions.FixedEvents + (3 * SampleIncidentOptions.EventsPerScale);
            Assert.InRange(summary.Events, predicted * 0.9, predicted * 1.1);
            Assert.Equal(summary.Events, summary.CloudWatchEvents);
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
