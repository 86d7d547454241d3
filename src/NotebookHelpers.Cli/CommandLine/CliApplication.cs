using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>Dispatches <c>nbh ARGS</c> to a command and turns errors into exit codes and one-line messages.</summary>
public static class CliApplication
{
    /// <summary>Exit code for a wrong command line.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for a failure.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Runs one command line. Never throws: every failure is one line on stderr and a non-zero exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var commands = CommandCatalog.Create();
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteOverview(console.Out, commands);
            return args.Count == 0 ? UsageExitCode : 0;
        }

        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            var guess = NotebookHelpers.Spelling.ClosestMatch.Find(args[0], commands.Select(c => c.Name));
            var hint = guess is null ? "" : $" Did you mean '{guess}'?";
            await console.Error.WriteLineAsync($"nbh: unknown command '{TerminalText.OneLine(args[0])}'.{hint} Run 'nbh --help' for the list.").ConfigureAwait(false);
            return UsageExitCode;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            WriteCommandHelp(console.Out, command);
            return 0;
        }

        try
        {
            var parsed = CommandArguments.Parse(command.Name, rest, command.Spec);
            return await command.RunAsync(parsed, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"nbh {e.Message}").ConfigureAwait(false);
            return UsageExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"nbh {command.Name}: cancelled.").ConfigureAwait(false);
            return FailureExitCode;
        }
        catch (Exception e)
        {
            // Whatever a command did not handle: one line, no stack trace, credential sources redacted.
            await console.Error.WriteLineAsync($"nbh {command.Name}: {CliFailure.Describe(e)}").ConfigureAwait(false);
            return FailureExitCode;
        }
    }

    private static void WriteOverview(TextWriter w, IReadOnlyList<ICliCommand> commands)
    {
        w.WriteLine("nbh: notebooks and helpers for investigating exposed AWS credentials.");
        w.WriteLine();
        w.WriteLine("Commands:");
        var width = commands.Max(c => c.Name.Length);
        foreach (var c in commands)
        {
            w.WriteLine($"  {c.Name.PadRight(width)}  {c.Summary}");
        }

        w.WriteLine();
        w.WriteLine("Run 'nbh COMMAND --help' for a command's options.");
    }

    private static void WriteCommandHelp(TextWriter w, ICliCommand command)
    {
        w.WriteLine($"usage: {command.Usage}");
        w.WriteLine();
        w.WriteLine(command.Summary);
        if (command.Spec.Options.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("Options:");
        var rows = command.Spec.Options
            .Select(o => (Left: (o.Alias is null ? "" : o.Alias + ", ") + o.Name + (o.ValueName is null ? "" : " " + o.ValueName), o.Help))
            .ToList();
        var width = rows.Max(r => r.Left.Length);
        foreach (var (left, help) in rows)
        {
            w.WriteLine($"  {left.PadRight(width)}  {help}");
        }
    }
}
