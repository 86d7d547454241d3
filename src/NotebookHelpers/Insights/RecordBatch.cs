using NotebookHelpers.Events;

namespace NotebookHelpers.Insights;

/// <summary>A run of records in input order, optionally with their event times already known.</summary>
/// <param name="Records">The records.</param>
/// <param name="EventTimes">The event time of each record (parallel to <paramref name="Records"/>), or null to read it from the JSON.</param>
public sealed record RecordBatch(IReadOnlyList<LogRecord> Records, IReadOnlyList<DateTimeOffset>? EventTimes = null)
{
    /// <summary>
    /// Events the source read but did not hand over because they lack a field the query's leading filters require
    /// (see <see cref="InsightsRecordSource"/>'s prefiltered read): counted as scanned, never matched.
    /// </summary>
    internal long SkippedRecords { get; init; }

    /// <summary>The JSON bytes of <see cref="SkippedRecords"/>.</summary>
    internal long SkippedBytes { get; init; }
}
