using System.Reflection;
using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Cli.Commands;

/// <summary><c>nbh version</c>: prints the tool's version.</summary>
public sealed class VersionCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "version";

    /// <inheritdoc />
    public string Summary => "Print the version of nbh.";

    /// <inheritdoc />
    public string Usage => "nbh version";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new();

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        await console.Out.WriteLineAsync($"nbh {version}").ConfigureAwait(false);
        return 0;
    }
}
