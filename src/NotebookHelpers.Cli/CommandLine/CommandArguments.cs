using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// The arguments of one <c>nbh</c> command, split into options and positional values.
/// Options take the forms <c>--name value</c>, <c>--name=value</c>, a bare <c>--flag</c>, and short aliases
/// such as <c>-p Name=Value</c>; an option may repeat (<c>--logs a --logs b</c>). A lone <c>--</c> ends options.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private CommandArguments(string commandName, IReadOnlyList<string> positional)
    {
        CommandName = commandName;
        Positional = positional;
    }

    /// <summary>The command these arguments were given to, for error messages.</summary>
    public string CommandName { get; }

    /// <summary>Values that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>
    /// Splits <paramref name="args"/> according to <paramref name="spec"/>.
    /// </summary>
    /// <exception cref="UsageException">An option is unknown or lacks its value.</exception>
    public static CommandArguments Parse(string commandName, IReadOnlyList<string> args, CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(spec);
        var positional = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length < 2 || arg[0] != '-' || IsNegativeNumber(arg))
            {
                positional.Add(arg);
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(arg);
            var option = spec.Find(name) ?? throw UnknownOption(commandName, name, spec);
            if (!option.TakesValue)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"{commandName}: option '{option.Name}' takes no value; give '{option.Name}' alone to turn it on, or leave it out.");
                }

                // "--confirm false" must not confirm: a flag has one spelling, and a yes/no word after it is refused
                // rather than taken as a stray argument (which once executed containment).
                if (i + 1 < args.Count && IsBooleanWord(args[i + 1]))
                {
                    throw new UsageException(
                        $"{commandName}: option '{option.Name}' takes no value, so '{TerminalText.OneLine(args[i + 1])}' after it is refused; give '{option.Name}' alone to turn it on, or leave it out.");
                }

                flags.Add(option.Name);
                continue;
            }

            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{commandName}: option '{option.Name}' needs a value ({option.ValueName}).");
                }

                value = args[++i];
            }

            if (!options.TryGetValue(option.Name, out var list))
            {
                options[option.Name] = list = [];
            }

            list.Add(value);
        }

        var parsed = new CommandArguments(commandName, positional);
        foreach (var (k, v) in options)
        {
            parsed._options[k] = v;
        }

        parsed._flags.UnionWith(flags);
        return parsed;
    }

    /// <summary>True when the flag <paramref name="name"/> (its long form, e.g. <c>--strict</c>) was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The last value given for <paramref name="name"/>, or null.</summary>
    public string? Value(string name) =>
        _options.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value given for a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string name) =>
        _options.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of <paramref name="name"/>, or a usage error when it is missing.</summary>
    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"{CommandName}: option '{name}' is required.");

    // A longer or shorter spelling of an option (--evidence-folder for --evidence) is the likeliest intent, then the
    // closest name.
    private static UsageException UnknownOption(string commandName, string name, CommandSpec spec)
    {
        var names = spec.Options.Select(o => o.Name).ToList();
        var guess = names.FirstOrDefault(n => name.StartsWith(n + "-", StringComparison.Ordinal) || n.StartsWith(name + "-", StringComparison.Ordinal))
            ?? NotebookHelpers.Spelling.ClosestMatch.Find(name, names);
        var hint = guess is null ? "" : $" Did you mean '{guess}'?";
        return new UsageException($"{commandName}: unknown option '{TerminalText.OneLine(name)}'.{hint} Run 'nbh {commandName} --help' for the options.");
    }

    private static (string Name, string? Value) SplitInlineValue(string arg)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                return (arg[..eq], arg[(eq + 1)..]);
            }
        }

        return (arg, null);
    }

    private static bool IsBooleanWord(string arg) =>
        arg.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "0" or "1";

    private static bool IsNegativeNumber(string arg) =>
        arg.Length > 1 && arg[0] == '-' && (char.IsAsciiDigit(arg[1]) || arg[1] == '.');
}
