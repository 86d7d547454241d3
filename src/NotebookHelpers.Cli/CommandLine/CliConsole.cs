namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// Where a command writes: results to <see cref="Out"/> (stdout), progress, summaries and problems to
/// <see cref="Error"/> (stderr). Tests pass string writers to capture both.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Creates a console over the given writers.</summary>
    public CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal = false)
    {
        Out = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Results: what a user pipes into another program.</summary>
    public TextWriter Out { get; }

    /// <summary>Summaries, progress and problems.</summary>
    public TextWriter Error { get; }

    /// <summary>True when stderr is an interactive terminal, so progress may redraw a line.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>The process's own stdout and stderr.</summary>
    public static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
