using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Tests.Cli;

public class CommandArgumentsTests
{
    private static readonly CommandSpec Spec = new CommandSpec()
        .Option("--start", "T", "start")
        .Option("--param", "Name=Value", "parameter", alias: "-p")
        .Flag("--strict", "strict");

    [Fact]
    public void SeparatesPositionalValuesFromOptions()
    {
        var args = CommandArguments.Parse("events", ["a.json", "--start", "2024-01-01", "b.json", "--strict"], Spec);

        Assert.Equal(["a.json", "b.json"], args.Positional);
        Assert.Equal("2024-01-01", args.Value("--start"));
        Assert.True(args.Flag("--strict"));
    }

    [Fact]
    public void CollectsRepeatedOptionsThroughTheirShortAlias()
    {
        var args = CommandArguments.Parse("run", ["-p", "A=1", "--param=B=2"], Spec);

        Assert.Equal(["A=1", "B=2"], args.Values("--param"));
    }

    [Fact]
    public void RejectsAnUnknownOptionWithTheCommandName()
    {
        var e = Assert.Throws<UsageException>(() => CommandArguments.Parse("events", ["--nope"], Spec));

        Assert.Contains("events: unknown option '--nope'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnOptionWithoutItsValue()
    {
        var e = Assert.Throws<UsageException>(() => CommandArguments.Parse("events", ["--start"], Spec));

        Assert.Contains("needs a value (T)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreatsEverythingAfterDoubleDashAsPositional()
    {
        var args = CommandArguments.Parse("query", ["--", "--strict", "-p"], Spec);

        Assert.Equal(["--strict", "-p"], args.Positional);
        Assert.False(args.Flag("--strict"));
    }

    [Fact]
    public async Task UnknownCommandExitsWithUsageCode()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["frobnicate"], new CliConsole(stdout, stderr));

        Assert.Equal(CliApplication.UsageExitCode, code);
        Assert.Contains("unknown command 'frobnicate'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--strcit", "--strict")]
    [InlineData("--start-time", "--start")]
    [InlineData("--parm", "--param")]
    public void AMistypedOptionNamesTheClosestOne(string given, string meant)
    {
        var e = Assert.Throws<UsageException>(() => CommandArguments.Parse("events", [given, "x"], Spec));

        Assert.Contains($"unknown option '{given}'. Did you mean '{meant}'?", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("investgate", "investigate")]
    [InlineData("quer", "query")]
    [InlineData("keyowner", "key-owner")]
    public async Task AMistypedCommandNamesTheClosestOne(string given, string meant)
    {
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync([given], new CliConsole(new StringWriter(), stderr));

        Assert.Equal(CliApplication.UsageExitCode, code);
        Assert.Contains($"unknown command '{given}'. Did you mean '{meant}'?", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandNothingLikeAnyOtherGetsNoGuess()
    {
        var stderr = new StringWriter();

        await CliApplication.RunAsync(["frobnicate"], new CliConsole(new StringWriter(), stderr));

        Assert.DoesNotContain("Did you mean", stderr.ToString(), StringComparison.Ordinal);
    }
}
