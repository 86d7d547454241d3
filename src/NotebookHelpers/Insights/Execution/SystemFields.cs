namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// The fields CloudWatch Logs adds to every event. A JSON key that starts with <c>@</c> is shown with one more
/// <c>@</c> (the OTRF records' own <c>@timestamp</c> key is <c>@@timestamp</c>), so it never collides with these.
/// </summary>
public static class SystemFields
{
    /// <summary>The event time.</summary>
    public const string Timestamp = "@timestamp";

    /// <summary>The raw event (the record's JSON).</summary>
    public const string Message = "@message";

    /// <summary>The log stream.</summary>
    public const string LogStream = "@logStream";

    /// <summary>The log group, as <c>accountId:logGroup</c> when the account is known.</summary>
    public const string Log = "@log";

    /// <summary>When CloudWatch Logs ingested the event.</summary>
    public const string IngestionTime = "@ingestionTime";

    /// <summary>A pointer to the event: offline, its evidence location (<c>file@byte N</c>).</summary>
    public const string Pointer = "@ptr";

    /// <summary>The system field names.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Timestamp, Message, LogStream, Log, IngestionTime, Pointer,
    };
}
