namespace NotebookHelpers.Evidence;

/// <summary>The shape of an evidence file, detected from its content (never from its name).</summary>
public enum EvidenceFormat
{
    /// <summary>A CloudTrail S3 delivery object (or a console JSON download): <c>{"Records":[...]}</c>.</summary>
    CloudTrailRecords,

    /// <summary>A JSON array of records, e.g. Stratus Red Team detonation logs.</summary>
    JsonArray,

    /// <summary>A single record object.</summary>
    SingleRecord,

    /// <summary>One record per line.</summary>
    JsonLines,

    /// <summary><c>aws logs filter-log-events</c> / <c>get-log-events</c> output: <c>{"events":[{"message":"&lt;json&gt;",...}]}</c>.</summary>
    CloudWatchLogsEvents,

    /// <summary>A log group exported to S3: lines of <c>&lt;ISO timestamp&gt; &lt;json&gt;</c>, usually gzip.</summary>
    CloudWatchLogsExport,

    /// <summary>Saved LookupEvents responses: <c>{"Events":[{"CloudTrailEvent":"&lt;json string&gt;",...}],"NextToken":...}</c>.</summary>
    LookupEventsPages,

    /// <summary>The CloudTrail console's Event history CSV download (partial records).</summary>
    ConsoleCsv,

    /// <summary>A CloudTrail digest file (integrity validation), counted but holding no events.</summary>
    Digest,
}
