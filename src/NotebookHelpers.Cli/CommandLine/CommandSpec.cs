namespace NotebookHelpers.Cli.CommandLine;

/// <summary>One option a command accepts.</summary>
/// <param name="Name">Long form, with dashes: <c>--start</c>.</param>
/// <param name="Alias">Optional short form: <c>-p</c>.</param>
/// <param name="ValueName">Placeholder for the value in help text (<c>T</c>, <c>PATH</c>); null for a flag.</param>
/// <param name="Help">One line of help.</param>
public sealed record OptionSpec(string Name, string? Alias, string? ValueName, string Help)
{
    /// <summary>True when the option is followed by a value.</summary>
    public bool TakesValue => ValueName is not null;
}

/// <summary>The options of a command, used for parsing and for <c>--help</c>.</summary>
public sealed class CommandSpec
{
    private readonly List<OptionSpec> _options = [];

    /// <summary>The options, in the order they were declared.</summary>
    public IReadOnlyList<OptionSpec> Options => _options;

    /// <summary>Declares an option that takes a value.</summary>
    public CommandSpec Option(string name, string valueName, string help, string? alias = null)
    {
        _options.Add(new OptionSpec(name, alias, valueName, help));
        return this;
    }

    /// <summary>Declares a flag.</summary>
    public CommandSpec Flag(string name, string help, string? alias = null)
    {
        _options.Add(new OptionSpec(name, alias, null, help));
        return this;
    }

    /// <summary>Finds an option by its long or short form.</summary>
    public OptionSpec? Find(string name) =>
        _options.FirstOrDefault(o => o.Name == name || o.Alias == name);
}
