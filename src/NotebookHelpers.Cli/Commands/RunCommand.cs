using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Notebooks.Batch;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh run</c>: executes notebooks headless in-process, papermill style, and writes each executed notebook and a
/// self-contained HTML report.
/// </summary>
public sealed class RunCommand : ICliCommand
{
    /// <summary>The folder run when no notebook is named.</summary>
    public const string DefaultNotebooks = "notebooks";

    /// <summary>The output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOutput = "out";

    /// <inheritdoc />
    public string Name => "run";

    /// <inheritdoc />
    public string Summary => "Run notebooks headless with parameters; write executed .ipynb files and offline HTML reports.";

    /// <inheritdoc />
    public string Usage => "nbh run [NOTEBOOK|DIR ...] [-p Name=Value ...] [--scenario NAME] [--out DIR] [--allow-errors] [--allow-unknown-parameters]\n" +
                           "  With no NOTEBOOK, runs every notebook in notebooks/ (on the sample incident by default) into out/.\n" +
                           "  --scenario runs them on another training scenario of the sample (generated once into out/samples/NAME).\n" +
                           "  Values are typed by the notebook's parameters cell, else inferred: true/false, numbers,\n" +
                           "  ISO 8601 date-times (DateTimeOffset), strings.";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--parameter", "Name=Value", "Set a parameter (repeatable); injected after the cell tagged 'parameters'.", alias: "-p")
        .Option("--scenario", "NAME", "Run on a training scenario of the sample incident: mining (default), llmjacking, s3-ransomware.")
        .Option("--out", "DIR", "Where executed notebooks and reports go (default: out).")
        .Flag("--allow-errors", "Keep running after a failing cell; the run then exits 0 and the errors stay in the outputs.")
        .Flag("--allow-unknown-parameters", "Inject a -p name that no notebook declares instead of refusing it as a likely typo.");

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var inputs = args.Positional.Count > 0 ? args.Positional : [DefaultNotebooks];
        if (args.Positional.Count == 0 && !Directory.Exists(DefaultNotebooks))
        {
            throw new UsageException($"{Name}: there is no {DefaultNotebooks}/ folder in {Environment.CurrentDirectory}; run from the repository root or name the notebooks to run.");
        }

        IReadOnlyList<string> paths;
        List<NotebookParameter> parameters;
        try
        {
            paths = NotebookInputs.Expand(inputs);
            parameters = args.Values("--parameter").Select(NotebookParameter.Parse).ToList();
        }
        catch (Exception e) when (e is ArgumentException or ParameterException)
        {
            throw new UsageException($"{Name}: {e.Message}", e);
        }

        var scenario = args.Value("--scenario") is { } named ? SampleScenarioSources.Ensure(Name, named, console) : null;
        SampleScenarioSources.Prepare(Name, parameters.Select(p => p.Value), console);
        var options = new NotebookRunOptions
        {
            Parameters = parameters,
            SampleScenario = scenario == SampleIncident.SampleScenarios.Default ? null : scenario,
            AllowErrors = args.Flag("--allow-errors"),
            AllowUnknownParameters = args.Flag("--allow-unknown-parameters"),
        };
        IReadOnlyList<(string Path, Notebooks.Documents.NotebookDocument? Document, string? Problem)> loaded;
        try
        {
            loaded = await NotebookBatch.LoadAsync(paths, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ParameterException e)
        {
            throw new UsageException($"{Name}: {e.Message}", e);
        }

        var outcomes = await new NotebookBatch(options, console.Error, console.ErrorIsTerminal)
            .RunAsync(loaded, args.Value("--out") ?? DefaultOutput, cancellationToken)
            .ConfigureAwait(false);
        foreach (var outcome in outcomes.Where(o => o.ReportPath is not null))
        {
            await console.Out.WriteLineAsync(outcome.ReportPath).ConfigureAwait(false);
        }

        var failed = options.AllowErrors
            ? outcomes.Any(o => o.Problem is not null)
            : outcomes.Any(o => !o.Succeeded);
        return failed ? CliApplication.FailureExitCode : 0;
    }
}
