using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Compilation;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// A compiled query, ready to run over many partitions at once. Per event: extract the wanted fields, then the
/// <see cref="Streaming"/> stages (filter, fields, parse, sort-key capture); the surviving rows go to a collector
/// built by <see cref="CreateCollector"/> (stats groups, dedup winners or the top rows); after the workers' collectors
/// are merged, the <see cref="Rest"/> of the pipeline runs over the (small) list of rows.
/// </summary>
internal sealed class QueryPlan
{
    public required SlotTable Slots { get; init; }

    public required JsonFieldExtractor Extractor { get; init; }

    /// <summary>Where <c>eventTime</c> and a top-level <c>@timestamp</c> key are extracted to when <c>@timestamp</c> is needed.</summary>
    public required int[] TimestampSourceSlots { get; init; }

    public required bool NeedsTimestamp { get; init; }

    /// <summary>System fields taken from the CloudWatch Logs context: (slot, field name).</summary>
    public required (int Slot, string Name)[] ContextFields { get; init; }

    public required IReadOnlyList<Stage> Streaming { get; init; }

    public required Func<RowCollector> CreateCollector { get; init; }

    public required IReadOnlyList<Stage> Rest { get; init; }

    public required (string Name, Evaluator Value)[] Columns { get; init; }

    /// <summary>True for queries without stats, whose rows carry <c>@ptr</c>.</summary>
    public required bool AppendPointer { get; init; }

    /// <summary>The row cap when the query has no <c>limit</c>.</summary>
    public required int OutputLimit { get; init; }

    public required int SortKeyCount { get; init; }

    /// <summary>
    /// Keys (as <c>key"</c> bytes) that the leading filters require: an event whose raw JSON contains none of one
    /// of them cannot pass, so it is counted as scanned and skipped without parsing. Empty when there is no such filter.
    /// </summary>
    public byte[][] PrefilterKeys { get; init; } = [];

    /// <summary>
    /// The same requirement as JSON paths, for sources that check it while decoding (null when there is none).
    /// </summary>
    public RequiredKeys? RequiredKeys { get; init; }
}
