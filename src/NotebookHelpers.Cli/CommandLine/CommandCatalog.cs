using NotebookHelpers.Cli.Commands;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>Every <c>nbh</c> sub-command. Add a new command here, one line, in alphabetical order.</summary>
public static class CommandCatalog
{
    /// <summary>Creates the commands.</summary>
    public static IReadOnlyList<ICliCommand> Create() =>
    [
        new AthenaTableCommand(),
        new ContainCommand(),
        new EventsCommand(),
        new FetchTrailCommand(),
        new InvestigateCommand(),
        new KeyOwnerCommand(),
        new LookupCommand(),
        new QueryCommand(),
        new ReportCommand(),
        new RunCommand(),
        new SampleIncidentCommand(),
        new SweepCommand(),
        new TrailsCommand(),
        new ValidateTrailCommand(),
        new VersionCommand(),
    ];
}
