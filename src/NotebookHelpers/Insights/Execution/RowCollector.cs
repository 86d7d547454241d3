namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Where a worker's rows go at the first blocking command (<c>stats</c>, <c>dedup</c>, <c>limit</c>, or the end of
/// the query): it keeps only what the result can need, so memory is bounded by groups or the row limit, not the input.
/// Each worker has its own; <see cref="Merge"/> combines them.
/// </summary>
internal abstract class RowCollector
{
    /// <summary>Offers a row; the collector clones it if it keeps it (the caller reuses the row).</summary>
    public abstract void Add(Row row);

    /// <summary>Folds another worker's collector (same plan) into this one.</summary>
    public abstract void Merge(RowCollector other);

    /// <summary>The kept rows, in result order.</summary>
    public abstract List<Row> Finish();
}
