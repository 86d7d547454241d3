using System.Globalization;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights;

/// <summary>
/// Evidence on disk as a query source: <see cref="EvidenceReader"/> detects each file's format, decodes files in
/// parallel, prunes CloudTrail objects outside the time range by name, drops duplicate events, and hands over the
/// event times it already parsed. Its read problems become query warnings.
/// </summary>
public sealed class EvidenceRecordSource : InsightsRecordSource
{
    private readonly IReadOnlyList<string> _paths;
    private readonly EvidenceReaderOptions _options;

    /// <summary>
    /// How many distinct events the duplicate check remembers when no options are given: enough for the overlap
    /// between CloudTrail deliveries, which are minutes apart, while keeping a query over millions of events under
    /// ~300 MB (the reader's 2,000,000 default costs ~700 MB of peak memory on a 1.9-million-event set).
    /// </summary>
    public const int DefaultDedupCapacity = 250_000;

    /// <summary>Creates the source; without <paramref name="options"/>, duplicates are caught within <see cref="DefaultDedupCapacity"/> events.</summary>
    public EvidenceRecordSource(IEnumerable<string> paths, EvidenceReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = [.. paths];
        _options = options ?? new EvidenceReaderOptions { DedupCapacity = DefaultDedupCapacity };
    }

    /// <inheritdoc />
    public override string Description => string.Join(", ", _paths);

    /// <summary>The read report of the last query (files, records, duplicates, problems).</summary>
    public ReadReport? LastReport { get; private set; }

    /// <inheritdoc />
    public override IEnumerable<RecordBatch> ReadBatches(TimeRange range, Action<string> warn, CancellationToken cancellationToken) =>
        ReadBatches(range, required: null, warn, cancellationToken);

    /// <inheritdoc />
    internal override IEnumerable<RecordBatch> ReadBatches(TimeRange range, RequiredKeys? required, Action<string> warn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warn);
        var reader = new EvidenceReader(_options with { TimeRange = range, RequiredKeys = required is { IsEmpty: false } ? required : null });
        foreach (var batch in reader.ReadBatches(_paths, cancellationToken))
        {
            yield return new RecordBatch(batch.Records, batch.EventTimes) { SkippedRecords = batch.SkippedRecords, SkippedBytes = batch.SkippedBytes };
        }

        var report = LastReport = reader.Report;
        // A repeated key is only a notice, but it is the one that can change a query's answer (another tool may read
        // the other occurrence), so the query says so.
        foreach (var problem in report.Problems.Where(p => !p.IsNotice || p.Kind == ReadProblemKind.DuplicateKey))
        {
            warn(problem.ToString());
        }

        var c = CultureInfo.InvariantCulture;
        if (report.Skipped > report.Problems.Count(p => !p.IsNotice))
        {
            warn(string.Create(c, $"{report.Skipped:N0} records were skipped in all; only the first {report.Problems.Count:N0} problems are listed."));
        }

        if (report.Duplicates > 0)
        {
            warn(string.Create(c, $"{report.Duplicates:N0} duplicate events (same eventID and content) were counted once."));
        }

        if (report.ConflictCount > 0)
        {
            warn(string.Create(c, $"{report.ConflictCount:N0} eventIDs appear with different content; every version was kept."));
        }
    }
}
