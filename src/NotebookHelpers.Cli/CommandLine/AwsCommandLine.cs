using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.Ec2;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// What the live-AWS commands share: the <c>--profile</c>/<c>--region</c>/<c>--regions</c>/<c>--evidence</c> options,
/// opening a session as the AWS CLI would, retry notices on stderr, and turning every AWS failure into one line.
/// </summary>
public static class AwsCommandLine
{
    /// <summary>Adds <c>--profile</c> and <c>--region</c> to a command's options.</summary>
    public static CommandSpec WithSession(this CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec
            .Option("--profile", "NAME", "AWS profile (default: env credentials, AWS_PROFILE, then 'default'; SSO after 'aws sso login')")
            .Option("--region", "REGION", "home region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)");
    }

    /// <summary>Opens the session the options describe; retries are announced on stderr.</summary>
    /// <exception cref="AwsConfigurationException">No credentials, unknown profile, no region.</exception>
    public static AwsSession OpenSession(CommandArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var session = AwsSession.Open(new AwsSessionSettings
        {
            Profile = args.Value("--profile"),
            Region = args.Value("--region"),
            ClientOptions = new AwsClientOptions
            {
                OnRetry = notice => console.Error.WriteLine(
                    $"nbh {args.CommandName}: {notice.Error.Kind.ToString().ToLowerInvariant()} on {notice.Error.Service}:{notice.Error.Operation} in {notice.Error.Region}, retrying in {notice.Delay.TotalSeconds:0.0} s"),
            },
        });
        foreach (var warning in session.Warnings)
        {
            console.Error.WriteLine($"nbh {args.CommandName}: warning: {warning}");
        }

        return session;
    }

    /// <summary>
    /// The regions <c>--regions</c> names: <c>all</c> (the default) asks ec2:DescribeRegions for the enabled ones,
    /// otherwise a comma-separated list.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RegionsAsync(CommandArguments args, AwsSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(session);
        var text = args.Value("--regions") ?? "all";
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            using var ec2 = session.CreateEc2Client();
            return await Ec2RegionLister.ListEnabledRegionsAsync(ec2, cancellationToken).ConfigureAwait(false);
        }

        var regions = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Count == 0 || regions.Any(r => !AwsRegionName.IsValid(r)))
        {
            throw new UsageException($"{args.CommandName}: --regions takes 'all' or a comma-separated list of region names; '{text}' is not.");
        }

        return regions;
    }

    /// <summary>The time range of <c>--start</c>/<c>--end</c>, or a usage error naming the bad value.</summary>
    public static TimeRange Range(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return TimeRange.Parse(args.Value("--start"), args.Value("--end"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"{args.CommandName}: {e.Message.TrimEnd('.')}.", e);
        }
    }

    /// <summary>The items of a comma-separated option value (<c>--accounts</c>, <c>--regions</c>); empty when absent.</summary>
    public static List<string> CommaSeparated(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Opens the <c>--evidence</c> folder (required).</summary>
    public static EvidenceDirectory Evidence(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = args.Value("--evidence") ?? throw new UsageException($"{args.CommandName}: give --evidence DIR, the folder where fetched evidence is saved.");
        return EvidenceDirectory.Open(folder);
    }

    /// <summary>
    /// Runs an AWS command body and turns failures into one line on stderr and exit code 1; usage errors pass through.
    /// </summary>
    public static async Task<int> RunAsync(CommandArguments args, CliConsole console, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsConfigurationException or EvidenceConflictException
            or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"nbh {args.CommandName}: {AwsErrorAdvice.Describe(e)}").ConfigureAwait(false);
            return CliApplication.FailureExitCode;
        }
    }
}
