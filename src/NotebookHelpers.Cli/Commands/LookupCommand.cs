using System.Globalization;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh lookup --access-key-id AKIA… --evidence DIR</c>: sweeps CloudTrail Event History (90 days, management
/// events) in every enabled region in parallel, each region under 2 requests/s, saving every page raw to the evidence
/// folder, then reads the pages back with the evidence reader. Rerunning the same command resumes an interrupted sweep.
/// </summary>
public sealed class LookupCommand : ICliCommand
{
    private static readonly (string Option, LookupAttributeKey Key)[] Attributes =
    [
        ("--access-key-id", LookupAttributeKey.AccessKeyId),
        ("--username", LookupAttributeKey.Username),
        ("--event-name", LookupAttributeKey.EventName),
        ("--resource-name", LookupAttributeKey.ResourceName),
    ];

    /// <inheritdoc />
    public string Name => "lookup";

    /// <inheritdoc />
    public string Summary => "Sweep CloudTrail Event History in every region into an evidence folder (resumable).";

    /// <inheritdoc />
    public string Usage => "nbh lookup (--access-key-id KEY | --username NAME | --event-name NAME | --resource-name NAME)... [--regions all|R1,R2] [--start T] [--end T] --evidence DIR";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--access-key-id", "KEY", "events signed with this access key (repeatable)")
        .Option("--username", "NAME", "events of this user or role name (repeatable)")
        .Option("--event-name", "NAME", "events of this API call, e.g. StopLogging (repeatable)")
        .Option("--resource-name", "NAME", "events naming this resource (repeatable)")
        .Option("--regions", "LIST", "'all' enabled regions (default) or a comma-separated list")
        .Option("--start", "T", "earliest event time (default: 90 days back, Event History's limit)")
        .Option("--end", "T", "latest event time (default: now, fixed at the first run so a rerun resumes)")
        .Option("--evidence", "DIR", "folder where the pages are saved (required)")
        .Option("--rate", "N", "requests per second per region (default 2, AWS's quota)")
        .WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var attributes = Attributes.SelectMany(a => args.Values(a.Option).Select(v => new LookupAttribute(a.Key, v))).ToList();
        if (attributes.Count == 0)
        {
            throw new UsageException($"{Name}: give what to look up, e.g. --access-key-id AKIA…. Usage: {Usage}");
        }

        var rate = 2.0;
        if (args.Value("--rate") is { } rateText && (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || rate <= 0 || rate > 2))
        {
            throw new UsageException($"{Name}: --rate must be a number above 0 and at most 2 (AWS's quota), not '{rateText}'.");
        }

        var range = AwsCommandLine.Range(args);
        var evidence = AwsCommandLine.Evidence(args);
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            var regions = await AwsCommandLine.RegionsAsync(args, session, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"nbh lookup: {regions.Count} regions, credentials from {session.CredentialOrigin}, saving to {evidence.Root}").ConfigureAwait(false);
            var sweep = new EventHistorySweep(new CloudTrailClient(session.Sender), evidence, new EventHistorySweepOptions { RequestsPerSecondPerRegion = rate });
            var progress = new ImmediateProgress<EventHistoryProgress>(p => console.Error.WriteLine("nbh lookup: " + p.Message));
            var results = new List<EventHistorySweepResult>();
            foreach (var attribute in attributes)
            {
                results.Add(await sweep.RunAsync(regions, attribute, range.Start, range.End, progress, cancellationToken).ConfigureAwait(false));
            }

            await WriteTableAsync(console.Out, results).ConfigureAwait(false);
            var pages = results.SelectMany(r => r.PagePaths).Select(evidence.FullPath).ToList();
            var reader = new EvidenceReader();
            var parsed = pages.Count == 0 ? 0 : await Task.Run(() => reader.ReadEvents(pages, cancellationToken).Count(), cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"nbh lookup: {pages.Count} pages saved in {evidence.Root}; the evidence reader parsed {parsed} events from them")).ConfigureAwait(false);
            foreach (var problem in reader.Report.Problems.Take(20))
            {
                await console.Error.WriteLineAsync($"nbh lookup: problem: {TerminalText.OneLine(problem.ToString())}").ConfigureAwait(false);
            }

            var incomplete = results.SelectMany(r => r.Regions).Where(r => !r.IsComplete).ToList();
            if (incomplete.Count > 0)
            {
                await console.Error.WriteLineAsync(
                    $"nbh lookup: INCOMPLETE: {incomplete.Count} region sweeps stopped early ({string.Join(", ", incomplete.Select(r => r.Region).Distinct())}); the pages saved are kept — run the same command again to resume.").ConfigureAwait(false);
                return CliApplication.FailureExitCode;
            }

            return 0;
        });
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<EventHistorySweepResult> results)
    {
        await output.WriteLineAsync("attribute\tregion\tpages\tevents\tstatus").ConfigureAwait(false);
        foreach (var result in results)
        {
            foreach (var region in result.Regions)
            {
                var status = region.IsComplete ? (region.ResumedPages > 0 ? $"complete ({region.ResumedPages} pages resumed)" : "complete") : "INCOMPLETE: " + region.Error;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Attribute?.ToString() ?? "all-events"}\t{region.Region}\t{region.Pages}\t{region.Events}\t{status}")).ConfigureAwait(false);
            }
        }
    }
}
