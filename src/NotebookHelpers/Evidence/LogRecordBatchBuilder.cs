using NotebookHelpers.Events;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Gathers the reader's output into batches of a useful size: CloudTrail objects hold a few dozen records each,
/// and handing the query engine one batch per object costs more in hand-offs than the records cost to evaluate.
/// Records the query cannot match are only counted.
/// </summary>
internal sealed class LogRecordBatchBuilder
{
    /// <summary>Records per batch.</summary>
    public const int BatchRecords = 1024;

    // Skipped records only move the progress counters, so they may wait for a larger batch.
    private const int SkippedPerBatch = 65536;

    private List<LogRecord> _records = new(BatchRecords);
    private List<DateTimeOffset> _times = new(BatchRecords);
    private long _skipped;
    private long _skippedBytes;

    /// <summary>True when something is waiting to be handed over.</summary>
    public bool HasAny => _records.Count > 0 || _skipped > 0;

    /// <summary>True when a batch is full.</summary>
    public bool IsFull => _records.Count >= BatchRecords || _skipped >= SkippedPerBatch;

    /// <summary>Adds a record for the caller.</summary>
    public void Add(LogRecord record, DateTimeOffset time)
    {
        _records.Add(record);
        _times.Add(time);
    }

    /// <summary>Counts a record the query cannot match.</summary>
    public void Skip(int bytes)
    {
        _skipped++;
        _skippedBytes += bytes;
    }

    /// <summary>The batch so far; the builder starts over.</summary>
    public LogRecordBatch Take()
    {
        var batch = new LogRecordBatch(_records, _times) { SkippedRecords = _skipped, SkippedBytes = _skippedBytes };
        _records = new List<LogRecord>(BatchRecords);
        _times = new List<DateTimeOffset>(BatchRecords);
        _skipped = 0;
        _skippedBytes = 0;
        return batch;
    }
}
