using NotebookHelpers.Evidence;

namespace NotebookHelpers.Events;

/// <summary>
/// One log event exactly as the evidence holds it: the UTF-8 JSON of the record (for a LookupEvents page, the
/// unescaped <c>CloudTrailEvent</c> string), where it came from, and the CloudWatch Logs context when there is one.
/// This is what the Logs Insights engine evaluates; <c>CloudTrailEvent</c> is the typed view of it.
/// </summary>
public sealed class LogRecord
{
    /// <summary>Creates a record over UTF-8 JSON bytes the caller will not modify afterwards.</summary>
    public LogRecord(ReadOnlyMemory<byte> json, EvidenceLocation location, LogEventContext? context = null)
    {
        Json = json;
        Location = location;
        Context = context;
    }

    /// <summary>The record's UTF-8 JSON, byte for byte as in the source.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Where the record was read.</summary>
    public EvidenceLocation Location { get; }

    /// <summary>CloudWatch Logs system fields, when the source carried them.</summary>
    public LogEventContext? Context { get; }
}
