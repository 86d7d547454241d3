namespace NotebookHelpers.Evidence;

/// <summary>How <see cref="EvidenceReader"/> reads: time range, strictness, parallelism and limits.</summary>
public sealed record EvidenceReaderOptions
{
    /// <summary>CloudTrail's own maximum event size; larger records are reported as <see cref="ReadProblemKind.OversizedEvent"/> (and kept).</summary>
    public const int CloudTrailMaxEventBytes = 256 * 1024;

    /// <summary>Events outside this range are not returned (counted in <see cref="ReadReport.OutsideTimeRange"/>).</summary>
    public TimeRange TimeRange { get; init; } = TimeRange.All;

    /// <summary>Fail on the first problem (notices excepted) with an <see cref="EvidenceReadException"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>Files decoded at once. Output order never depends on it.</summary>
    public int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>
    /// How long after its last event a CloudTrail object may be delivered. An object whose name says it was
    /// delivered later than <c>End + PruneMargin</c> is not opened; one delivered before <c>Start</c> never holds a
    /// later event (CloudTrail names objects by delivery time) and is not opened either. One hour covers CloudTrail's
    /// documented typical delivery delay (about 5 minutes, 15 at most for most events) with room to spare.
    /// </summary>
    public TimeSpan PruneMargin { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Drop identical copies of an event (same eventID, same content). On by default.</summary>
    public bool Deduplicate { get; init; } = true;

    /// <summary>
    /// How many distinct eventIDs the deduplicator remembers. Beyond it, the oldest event-hours are forgotten first,
    /// so a copy of an event that is more than this many events "older" than everything since is no longer caught.
    /// Each remembered event costs about 80 bytes: the default (2,000,000) bounds it near 160 MB.
    /// </summary>
    public int DedupCapacity { get; init; } = 2_000_000;

    /// <summary>Records larger than this are skipped as <see cref="ReadProblemKind.RecordTooLarge"/> (default 64 MB).</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How many problems the report lists in detail (all are counted).</summary>
    public int MaxListedProblems { get; init; } = 1000;

    /// <summary>
    /// Fields a query requires: events that lack one are deduplicated and counted like any other but not returned
    /// (<see cref="LogRecordBatch.SkippedRecords"/>). Set by the query engine for its leading filters.
    /// </summary>
    internal RequiredKeys? RequiredKeys { get; init; }

    /// <summary>Where decode buffers come from and go back to during one read (<see cref="DecodeBuffers"/>); null to allocate each.</summary>
    internal System.Buffers.ArrayPool<byte>? BufferPool { get; init; }
}
