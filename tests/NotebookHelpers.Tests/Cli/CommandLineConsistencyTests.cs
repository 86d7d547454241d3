using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Cli;

/// <summary>What a user notices across commands: the same exit code and wording for a missing path, one name for the evidence folder.</summary>
public class CommandLineConsistencyTests
{
    private const string Missing = "/no/such/evidence";

    [Theory]
    [InlineData("events", Missing)]
    [InlineData("query", "--logs", Missing, "stats count(*)")]
    [InlineData("investigate", "--logs", Missing)]
    [InlineData("report", "--logs", Missing, "--out", "/tmp/nbh-never-written")]
    [InlineData("run", Missing)]
    public async Task AMissingPathIsAUsageErrorNamingThePathInEveryCommand(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(CliApplication.UsageExitCode, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"nbh {args[0]}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(Missing, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void EveryCommandCallsItsEvidenceFolderOptionEvidence()
    {
        var evidenceOptions = CommandCatalog.Create()
            .SelectMany(c => c.Spec.Options.Select(o => (Command: c.Name, o.Name)))
            .Where(o => o.Name.Contains("evidence", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Contains(evidenceOptions, o => o.Command == "investigate");
        Assert.All(evidenceOptions, o => Assert.Equal("--evidence", o.Name));
    }

    // --regions bounds a lookup: sweep and, with --engine athena, the partitions read: one option, named once in
    // the usage and once in the list, whose line says both.
    [Fact]
    public async Task QueryHelpListsRegionsOnceWithBothMeanings()
    {
        var run = await CliRun.RunAsync("query", "--help");

        var usage = run.Out.Split('\n')[0];
        var optionLines = run.Out.Split('\n').Where(l => l.TrimStart().StartsWith("--regions", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("usage: nbh query ", usage, StringComparison.Ordinal);
        Assert.Equal(2, usage.Split("--regions").Length);
        var line = Assert.Single(optionLines);
        Assert.Contains("lookup:", line, StringComparison.Ordinal);
        Assert.Contains("--engine athena", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOldInvestigateOptionNamePointsAtTheNewOne()
    {
        var run = await CliRun.RunAsync("investigate", "--logs", "sample", "--evidence-folder", "/tmp/x");

        Assert.Equal(CliApplication.UsageExitCode, run.ExitCode);
        Assert.Contains("Did you mean '--evidence'?", run.Error, StringComparison.Ordinal);
    }
}
