using System.Globalization;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh report</c>: the incident write-up without a notebook. Reads the evidence, investigates the key asked for
/// (or the most urgent one the evidence points at) and writes the offline HTML report, findings.json, findings.csv and
/// evidence-manifest.json into a folder. The same evidence gives the same bytes.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    /// <summary>The output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOutput = "out/incident-report";

    /// <inheritdoc />
    public string Name => "report";

    /// <inheritdoc />
    public string Summary => "Write the incident report (offline HTML, findings JSON and CSV, evidence manifest) for a key.";

    /// <inheritdoc />
    public string Usage => "nbh report [--logs SOURCE] [--access-key-id AKIA...] [--start T] [--end T] [--evidence DIR] [--out DIR]\n" +
                           "           [--title TEXT] [--case ID] [--analyst NAME] [--answer QUESTION=TEXT ...] [--no-charts]\n" +
                           "  SOURCE: sample (default), a path, lookup:…, s3://…, cwl:GROUP. QUESTION ids: " +
                           string.Join(", ", ImpactQuestionnaire.Questions.Select(q => q.Id)) + ".";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--logs", "SOURCE", "the evidence: sample (default), a file or folder, lookup:, s3://BUCKET/PREFIX, cwl:GROUP", "-l")
        .Option("--access-key-id", "KEY", "the key to investigate; default: the most urgent key the evidence points at", "-k")
        .Option("--start", "T", "earliest event time, ISO 8601 or now-7d (default: all)")
        .Option("--end", "T", "latest event time (default: all)")
        .Option("--evidence", "DIR", "evidence folder: where live sources save what they fetch, and whose actions.jsonl lists executed containment")
        .Option("--out", "DIR", "where the report's files go (default: out/incident-report)", "-o")
        .Option("--title", "TEXT", "the report's title")
        .Option("--case", "ID", "the case or ticket id, shown in the report's header")
        .Option("--analyst", "NAME", "who wrote the report, shown in its header")
        .Option("--answer", "QUESTION=TEXT", "an analyst's answer to an impact question (repeatable)")
        .Flag("--no-charts", "leave the charts (and the 3.6 MB of plotly.js) out of the HTML report");

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"report: unexpected argument '{args.Positional[0]}'. Usage: {Usage}");
        }

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in args.Values("--answer"))
        {
            var equals = answer.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !ImpactQuestionnaire.Questions.Any(q => q.Id == answer[..equals]))
            {
                throw new UsageException($"report: --answer must be QUESTION=TEXT with QUESTION one of {string.Join(", ", ImpactQuestionnaire.Questions.Select(q => q.Id))}; got '{answer}'.");
            }

            answers[answer[..equals]] = answer[(equals + 1)..];
        }

        var source = args.Value("--logs") ?? "sample";
        SampleScenarioSources.Prepare(Name, [source], console);
        IncidentCase incident;
        try
        {
            incident = await IncidentCase.OpenAsync(source, args.Value("--access-key-id"), args.Value("--start"), args.Value("--end"), args.Value("--evidence"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new UsageException($"report: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Evidence.EvidenceReadException)
        {
            await console.Error.WriteLineAsync($"nbh report: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        foreach (var problem in incident.Problems)
        {
            await console.Error.WriteLineAsync($"nbh report: skipped: {TerminalText.OneLine(problem.ToString())}").ConfigureAwait(false);
        }

        if (incident.Investigation is null)
        {
            await console.Error.WriteLineAsync("nbh report: no --access-key-id given and nothing in the evidence points at a key; the report lists the findings only.").ConfigureAwait(false);
        }
        else if (incident.RequireKey(stop: false) is { Found: false } absent)
        {
            // A report about a key the evidence does not hold would be empty tables that read like an all-clear.
            await console.Error.WriteLineAsync($"nbh report: {TerminalText.OneLine(absent.ToString())}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        var options = new IncidentReportOptions
        {
            Title = args.Value("--title") ?? new IncidentReportOptions().Title,
            Analyst = args.Value("--analyst"),
            CaseId = args.Value("--case"),
            AnalystAnswers = answers,
            IncludeCharts = !args.Flag("--no-charts"),
        };
        var report = incident.Report(options);
        foreach (var problem in report.Options.Actions.Problems)
        {
            await console.Error.WriteLineAsync($"nbh report: {TerminalText.OneLine(problem)}").ConfigureAwait(false);
        }

        IReadOnlyList<string> files;
        try
        {
            files = await report.WriteFilesAsync(args.Value("--out") ?? DefaultOutput, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"nbh report: cannot write the report: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        foreach (var file in files)
        {
            await console.Out.WriteLineAsync(file).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"nbh report: {incident.Events.Count:N0} events, {report.Findings.Count:N0} findings on {TerminalText.OneLine(incident.Investigation?.AccessKeyId ?? "no key")}, {report.AffectedResources.Count(a => a.NeedsAction):N0} open items; {report.Options.Manifest}")).ConfigureAwait(false);

        // A report over part of the evidence reads like one over all of it: the run says so last and exits 1.
        if (incident.Source is Sources.FetchedEvidenceSource { FetchProblems.Count: > 0 } fetched)
        {
            await console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"nbh report: INCOMPLETE: {fetched.FetchProblems.Count} parts of the evidence missed (listed above as skipped); the report covers the rest — run the same command again to fetch what is missing.")).ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        return 0;
    }
}
