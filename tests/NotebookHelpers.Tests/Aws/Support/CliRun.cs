using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>Runs <c>nbh</c> in-process and captures its exit code, stdout and stderr.</summary>
public static class CliRun
{
    /// <summary>The outcome of one command line.</summary>
    public sealed record Outcome(int ExitCode, string Out, string Error);

    /// <summary>Runs <c>nbh ARGS</c>.</summary>
    public static async Task<Outcome> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
