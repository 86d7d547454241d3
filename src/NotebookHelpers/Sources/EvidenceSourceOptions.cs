using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Sources;

/// <summary>What a source needs besides its parameter: the time range, the evidence folder, AWS settings.</summary>
public sealed class EvidenceSourceOptions
{
    /// <summary>The events of interest (inclusive). <c>s3://</c> needs both ends: they choose the days to download.</summary>
    public TimeRange Range { get; init; } = TimeRange.All;

    /// <summary>Where <c>lookup:</c> and <c>s3://</c> save what they fetch (required for them).</summary>
    public string? EvidenceFolder { get; init; }

    /// <summary>Profile, region and credentials for live sources (default: the AWS CLI's precedence).</summary>
    public AwsSessionSettings? Aws { get; init; }

    /// <summary>Regions a <c>lookup:</c> sweep covers; null asks ec2:DescribeRegions for every enabled region.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>How local evidence is read (strictness, parallelism); the time range comes from <see cref="Range"/>.</summary>
    public EvidenceReaderOptions? Reader { get; init; }

    /// <summary>Logs Insights polling, splitting and concurrency for <c>cwl:</c>.</summary>
    public CloudWatchLogsQueryOptions? LogsQuery { get; init; }

    /// <summary>Progress lines (fetching, splitting, skipped records).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>
    /// The access key under investigation: an <c>athena:</c> source reads only the log files that hold its events (and
    /// those of the keys it spawned); other sources read everything in the range.
    /// </summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Where to look for <c>data-samples/</c>; null searches upwards from the current and the program's folders.</summary>
    public string? RepositoryRoot { get; init; }
}
