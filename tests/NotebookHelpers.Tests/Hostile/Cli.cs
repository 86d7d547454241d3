using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>Runs an <c>nbh</c> command in process and captures what it wrote.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
