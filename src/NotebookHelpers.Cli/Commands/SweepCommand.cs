using System.Globalization;
using System.Text.Json;
using NotebookHelpers.Aws.Ec2;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.Commands;

/// <summary>
/// <c>nbh sweep --regions all</c>: the current state of EC2 in every region (what a miner left behind): instance,
/// state, type, launch time, key pair and instance profile, as a table; saved as JSON when <c>--evidence</c> is given.
/// </summary>
public sealed class SweepCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "sweep";

    /// <inheritdoc />
    public string Summary => "List EC2 instances in every region (launch time, type, key pair, instance profile).";

    /// <inheritdoc />
    public string Usage => "nbh sweep [--regions all|R1,R2] [--evidence DIR]";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec()
        .Option("--regions", "LIST", "'all' enabled regions (default) or a comma-separated list")
        .Option("--evidence", "DIR", "also save the table as JSON in this evidence folder")
        .WithSession();

    /// <inheritdoc />
    public Task<int> RunAsync(CommandArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var evidence = args.Value("--evidence") is null ? null : AwsCommandLine.Evidence(args, console);
        return AwsCommandLine.RunAsync(args, console, async () =>
        {
            using var session = AwsCommandLine.OpenSession(args, console);
            var regions = await AwsCommandLine.RegionsAsync(args, session, cancellationToken).ConfigureAwait(false);
            var progress = new ImmediateProgress<string>(line => console.Error.WriteLine("nbh sweep: " + line));
            var result = await new Ec2InstanceSweep(session.CreateEc2Client).RunAsync(regions, progress, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync("region\tinstance\tstate\ttype\tlaunched\tkey pair\tinstance profile\timage\tpublic ip").ConfigureAwait(false);
            foreach (var i in result.Instances)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{i.Region}\t{i.InstanceId}\t{i.State}\t{i.InstanceType}\t{NotebookHelpers.Events.UtcTime.Text(i.LaunchTime)}\t{TerminalText.Safe(i.KeyName)}\t{i.InstanceProfileArn}\t{i.ImageId}\t{i.PublicIpAddress}")).ConfigureAwait(false);
            }

            if (evidence is not null)
            {
                var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                var entry = await evidence.WriteAsync($"sweep/ec2-instances-{stamp}.json", JsonSerializer.SerializeToUtf8Bytes(result), $"ec2:DescribeInstances regions={string.Join(',', regions)}", null, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync($"nbh sweep: saved {evidence.FullPath(entry.Path)}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"nbh sweep: {result.Instances.Count} instances in {result.RegionsSwept.Count} regions").ConfigureAwait(false);
            if (!result.IsComplete)
            {
                await console.Error.WriteLineAsync($"nbh sweep: INCOMPLETE: {result.Failures.Count} regions could not be read ({string.Join(", ", result.Failures.Keys.Order())}); the table lacks them.").ConfigureAwait(false);
                return CliApplication.FailureExitCode;
            }

            return 0;
        });
    }
}
