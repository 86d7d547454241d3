namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>GetTrailStatus: is the trail logging, since when, and did delivery fail.</summary>
/// <param name="IsLogging">True when the trail is recording now.</param>
/// <param name="StartLoggingTime">When logging was last started.</param>
/// <param name="StopLoggingTime">When logging was last stopped (StopLogging: a classic cover-up).</param>
/// <param name="LatestDeliveryTime">When a log file last reached S3.</param>
/// <param name="LatestDeliveryError">The last S3 delivery error, or null.</param>
/// <param name="LatestCloudWatchLogsDeliveryTime">When events last reached CloudWatch Logs.</param>
/// <param name="LatestCloudWatchLogsDeliveryError">The last CloudWatch Logs delivery error, or null.</param>
public sealed record TrailStatus(
    bool IsLogging,
    DateTimeOffset? StartLoggingTime,
    DateTimeOffset? StopLoggingTime,
    DateTimeOffset? LatestDeliveryTime,
    string? LatestDeliveryError,
    DateTimeOffset? LatestCloudWatchLogsDeliveryTime,
    string? LatestCloudWatchLogsDeliveryError);
