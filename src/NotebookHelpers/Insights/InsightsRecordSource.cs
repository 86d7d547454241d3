using NotebookHelpers.Events;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights;

/// <summary>
/// Where an offline query's events come from: batches in input order (input order breaks ties, so results never
/// depend on thread timing). Sources report what they could not read through the warning callback; the query still
/// answers and <see cref="QueryResults.Warnings"/> says what was skipped.
/// </summary>
public abstract class InsightsRecordSource
{
    /// <summary>What the source reads, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The records in batches. A source may use <paramref name="range"/> to skip input early (the engine filters by
    /// time again, so it need not). <paramref name="warn"/> receives one line per input problem, naming the file and position.
    /// </summary>
    public abstract IEnumerable<RecordBatch> ReadBatches(TimeRange range, Action<string> warn, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadBatches(TimeRange, Action{string}, CancellationToken)"/>, for a query whose leading filters
    /// require <paramref name="required"/>: a source that can tell while decoding that an event lacks one of them
    /// may count it in <see cref="RecordBatch.SkippedRecords"/> instead of handing it over. The default ignores it.
    /// </summary>
    internal virtual IEnumerable<RecordBatch> ReadBatches(TimeRange range, RequiredKeys? required, Action<string> warn, CancellationToken cancellationToken) =>
        ReadBatches(range, warn, cancellationToken);

    /// <summary>Records in memory, in chunks so that workers share them.</summary>
    public static InsightsRecordSource FromRecords(IEnumerable<LogRecord> records, string description = "in-memory records", int chunkSize = 4096) =>
        new InMemorySource(records, description, chunkSize);

    /// <summary>Evidence files, folders and archives, read by <see cref="EvidenceReader"/> (formats detected, duplicates dropped).</summary>
    public static EvidenceRecordSource FromPaths(IEnumerable<string> paths, EvidenceReaderOptions? options = null) => new(paths, options);

    private sealed class InMemorySource(IEnumerable<LogRecord> records, string description, int chunkSize) : InsightsRecordSource
    {
        public override string Description => description;

        public override IEnumerable<RecordBatch> ReadBatches(TimeRange range, Action<string> warn, CancellationToken cancellationToken) =>
            records.Chunk(chunkSize).Select(chunk => new RecordBatch(chunk));
    }
}
