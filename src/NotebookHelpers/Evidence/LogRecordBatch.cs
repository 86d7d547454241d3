using NotebookHelpers.Events;

namespace NotebookHelpers.Evidence;

/// <summary>
/// A run of records from one file, in file order, with the event time and eventID the reader already extracted
/// (so the query engine need not decode them again). Batches own their memory: records stay valid for as long as
/// the caller holds them (no pooled buffer is reused behind its back). Returned batches are already deduplicated
/// and time-filtered.
/// </summary>
public sealed class LogRecordBatch
{
    internal LogRecordBatch(List<LogRecord> records, List<DateTimeOffset> eventTimes)
    {
        Records = records;
        EventTimes = eventTimes;
    }

    /// <summary>The records.</summary>
    public IReadOnlyList<LogRecord> Records { get; }

    /// <summary><c>eventTime</c> (or <c>@timestamp</c>) of each record, UTC, parallel to <see cref="Records"/>.</summary>
    public IReadOnlyList<DateTimeOffset> EventTimes { get; }

    /// <summary>Number of records.</summary>
    public int Count => Records.Count;

    /// <summary>
    /// Events read, deduplicated and in the time range but not returned because they lack a field the query
    /// requires (<see cref="EvidenceReaderOptions.RequiredKeys"/>); they belong to this batch's place in the order.
    /// </summary>
    internal long SkippedRecords { get; init; }

    /// <summary>The JSON bytes of <see cref="SkippedRecords"/>.</summary>
    internal long SkippedBytes { get; init; }
}
