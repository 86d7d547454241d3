namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// One <c>nbh</c> sub-command. Each lives in its own file under Commands/ and is listed in <see cref="CommandCatalog"/>.
/// </summary>
public interface ICliCommand
{
    /// <summary>The word after <c>nbh</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>nbh --help</c>.</summary>
    string Summary { get; }

    /// <summary>Usage line(s) shown by <c>nbh NAME --help</c>, e.g. <c>nbh events PATH... [--strict]</c>.</summary>
    string Usage { get; }

    /// <summary>The options the command accepts.</summary>
    CommandSpec Spec { get; }

    /// <summary>
    /// Runs the command. Returns the process exit code: 0 success, 1 failure.
    /// Throw <see cref="UsageException"/> for a wrong command line (exit code 2).
    /// </summary>
    Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken);
}
