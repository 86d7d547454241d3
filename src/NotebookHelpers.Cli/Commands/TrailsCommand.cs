using System.Globalization;
using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Cli.CommandLine;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh trails</c>: every trail in every region with its status (logging? last delivery? last error?) and selectors
/// (management reads/writes, S3 data events), then a plain verdict on what evidence can and cannot exist.
/// </summary>
public sealed class TrailsCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "trails";

    /// <inheritdoc />
    public string Summary => "Find the CloudTrail trails and say plainly what evidence can exist.";

    /// <inheritdoc />
    public string Usage => "nbh trails [--regions all|R1,R2] [--start T]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--regions", "LIST", "'all' enabled regions (default) or a comma-separated list")
        .Option("--start", "T", "when the incident started (flags logging stopped since then)")
        .WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var range = AwsCommandLine.Range(args);
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            var regions = await AwsCommandLine.RegionsAsync(args, session, cancellationToken).ConfigureAwait(false);
            var result = await new TrailDiscovery(new CloudTrailClient(session.Sender)).DiscoverAsync(regions, range.Start, cancellationToken).ConfigureAwait(false);
            foreach (var report in result.Trails)
            {
                var t = report.Trail;
                var logging = report.Status is { } s ? (s.IsLogging ? "logging" : "NOT logging") : "status unknown";
                var delivered = report.Status?.LatestDeliveryTime is { } d ? NotebookHelpers.Events.UtcTime.Text(d) : "-";
                await console.Out.WriteLineAsync($"trail {t.Name}: {logging}, home {t.HomeRegion}, last delivery {delivered}, bucket {t.S3BucketName ?? "-"}, log group {t.LogGroupName ?? "-"}").ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync().ConfigureAwait(false);
            foreach (var line in result.Verdict)
            {
                await console.Out.WriteLineAsync("- " + line).ConfigureAwait(false);
            }

            return result.Failures.Count == 0 ? 0 : CliApplication.FailureExitCode;
        });
    }
}
