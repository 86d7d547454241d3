namespace NotebookHelpers.Events;

/// <summary>
/// What CloudWatch Logs knows about an event beyond its JSON: the system fields <c>@log</c>, <c>@logStream</c>,
/// <c>@ingestionTime</c> and the event's own timestamp. Null parts were not in the source.
/// </summary>
/// <param name="LogGroup">The log group (<c>@log</c> is <c>accountId:logGroup</c> in AWS).</param>
/// <param name="LogStream">The log stream, e.g. <c>123456789012_CloudTrail_us-east-1</c>.</param>
/// <param name="Timestamp">The CloudWatch Logs event timestamp, when it differs from the record's own time.</param>
/// <param name="IngestionTime">When CloudWatch Logs ingested the event.</param>
/// <param name="AccountId">The account that owns the log group.</param>
public sealed record LogEventContext(
    string? LogGroup = null,
    string? LogStream = null,
    DateTimeOffset? Timestamp = null,
    DateTimeOffset? IngestionTime = null,
    string? AccountId = null);
