using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Investigation;
using NotebookHelpers.Sources;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh investigate --logs PATH [--access-key-id KEY]</c>: runs the detection catalogue over the evidence and, for
/// the key asked for (or the keys worth investigating: quarantine markers, then the keys behind findings ranked by what they did),
/// prints its profile, blast radius and findings, as text or as JSON in the schema of docs/investigate-json.md.
/// </summary>
public sealed class InvestigateCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "investigate";

    /// <inheritdoc />
    public string Summary => "Profile an access key, follow its blast radius and list the findings (or pick the keys worth it).";

    /// <inheritdoc />
    public string Usage => "nbh investigate --logs PATH|sample|cwl:GROUP|lookup:[KEY]|s3://BUCKET [--logs ...] [--access-key-id AKIA...] [--start T] [--end T] [--evidence DIR] [--format table|json]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--logs", "SOURCE", "a file, folder or archive of CloudTrail logs, sample, cwl:GROUP, lookup:[KEY], s3://BUCKET[/PREFIX] (repeatable)", "-l")
        .Option("--access-key-id", "KEY", "the key to investigate (repeatable); default: the keys the evidence points at", "-k")
        .Option("--start", "T", "earliest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--end", "T", "latest event time, ISO 8601 or epoch seconds (default: all)")
        .Option("--evidence", "DIR", "where lookup: and s3:// sources save what they fetch")
        .Option("--format", "FORMAT", "table (default) or json (docs/investigate-json.md)", "-f");

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"investigate: unexpected argument '{args.Positional[0]}'. Usage: {Usage}");
        }

        var sources = args.Values("--logs");
        if (sources.Count == 0)
        {
            throw new UsageException("investigate: give at least one --logs PATH.");
        }

        SampleScenarioSources.Prepare(Name, sources, console);

        var format = (args.Value("--format") ?? "table").ToLowerInvariant();
        if (format is not ("table" or "json"))
        {
            throw new UsageException($"investigate: --format must be table or json, not '{args.Value("--format")}'.");
        }

        var keys = args.Values("--access-key-id").Select(k => k.Trim()).ToList();
        foreach (var key in keys.Where(k => k.Length < 16 || !k.All(char.IsAsciiLetterOrDigit)))
        {
            throw new UsageException($"investigate: '{key}' does not look like an access key id (AKIA… or ASIA…, letters and digits).");
        }

        TimeRange range;
        try
        {
            range = TimeRange.Parse(args.Value("--start"), args.Value("--end"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"investigate: {e.Message}", e);
        }

        var progress = new ImmediateProgress<string>(line => console.Error.WriteLine("nbh investigate: " + TerminalText.OneLine(line)));
        var sourceOptions = new EvidenceSourceOptions { Range = range, EvidenceFolder = args.Value("--evidence"), Progress = progress };
        var local = new List<string>();
        var remote = new List<IEvidenceSource>();
        foreach (var source in sources)
        {
            if (File.Exists(source) || Directory.Exists(source))
            {
                local.Add(source);
                continue;
            }

            try
            {
                remote.Add(EvidenceSources.Parse(source, sourceOptions));
            }
            catch (ArgumentException e)
            {
                var message = e.Message.Split(" (Parameter", 2)[0];
                if (!source.Contains(':', StringComparison.Ordinal) && !source.Equals("sample", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException($"investigate: no such file or directory: {TerminalText.OneLine(source)}", e);
                }

                throw new UsageException($"investigate: {message}", e);
            }
        }

        var reader = new EvidenceReader(new EvidenceReaderOptions { TimeRange = range });
        var events = new List<CloudTrailEvent>();
        try
        {
            if (local.Count > 0)
            {
                events.AddRange(await Task.Run(() => reader.ReadEvents(local, cancellationToken).ToList(), cancellationToken).ConfigureAwait(false));
            }

            foreach (var source in remote)
            {
                await console.Error.WriteLineAsync($"nbh investigate: reading {TerminalText.OneLine(source.Description)}").ConfigureAwait(false);
                await foreach (var ev in source.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(ev);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EvidenceReadException or InsightsQueryException or HttpRequestException or
                                      NotebookHelpers.Aws.AwsConfigurationException or NotebookHelpers.Aws.Transport.AwsServiceException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync($"nbh investigate: {TerminalText.OneLine(e.Message)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }

        foreach (var problem in reader.Report.Problems)
        {
            await console.Error.WriteLineAsync($"nbh investigate: {(problem.IsNotice ? "notice" : "skipped")}: {TerminalText.OneLine(problem.ToString())}").ConfigureAwait(false);
        }

        var investigator = await Task.Run(() => new Investigator(events), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<KeySuggestion> suggestions = [];
        List<KeyInvestigation> investigations;
        if (keys.Count > 0)
        {
            var absent = 0;
            foreach (var key in keys)
            {
                var check = await KeyInEvidence.FindAsync(OfflineQueryRunner.FromEvents(events), key, string.Join(", ", sources), range, cancellationToken).ConfigureAwait(false);
                if (!check.Found)
                {
                    absent++;
                    await console.Error.WriteLineAsync($"nbh investigate: {TerminalText.OneLine(check.ToString())}").ConfigureAwait(false);
                }
            }

            if (absent > 0)
            {
                // A profile of a key the evidence does not hold would be empty tables that read like an all-clear.
                return CliApplication.FailureExitCode;
            }

            investigations = keys.Select(k => investigator.Investigate(k)).ToList();
        }
        else
        {
            suggestions = investigator.SuggestKeys();
            investigations = suggestions.Select(s => investigator.Investigate(s.AccessKeyId, s.Reason)).ToList();
            await console.Error.WriteLineAsync(suggestions.Count == 0
                ? "nbh investigate: no --access-key-id given and nothing in the evidence points at a key (no quarantine marker, no finding above info); findings are listed below."
                : $"nbh investigate: no --access-key-id given; investigating {suggestions.Count} key(s) the evidence points at: " +
                  TerminalText.OneLine(string.Join("; ", suggestions.Select(s => $"{s.AccessKeyId} ({s.Reason})")))).ConfigureAwait(false);
        }

        var report = new InvestigationReport(sources, events.Count, reader.Report.Skipped, keys.Count > 0 ? keys[0] : null, suggestions, investigations, investigator);
        if (format == "json")
        {
            await console.Out.WriteAsync(InvestigationJson.ToJson(report)).ConfigureAwait(false);
        }
        else
        {
            foreach (var investigation in investigations)
            {
                await console.Out.WriteAsync(TerminalText.Block(investigation + "\n")).ConfigureAwait(false);
            }

            await console.Out.WriteAsync(TerminalText.Block("All findings\n" + investigator.Detections + "\n")).ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"nbh investigate: {events.Count} event(s), {investigator.Detections.Findings.Count} finding(s), {investigations.Count} key(s) investigated.").ConfigureAwait(false);
        return 0;
    }
}
