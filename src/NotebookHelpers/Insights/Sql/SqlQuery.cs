namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// A Logs Insights query rendered as SQL of one dialect, with what the result shaper (the result shaper)
/// needs to turn its rows into the offline engine's results: the visible columns and their kinds, the order (which
/// SQL applies itself only when it can do so exactly: numbers and times; text sorts in Logs Insights' natural order,
/// which the shaper applies), the input-order tie-breaker, dedup and the row limit.
/// </summary>
public sealed class SqlQuery
{
    internal SqlQuery(SqlDialect dialect, string text, string statisticsText)
    {
        Dialect = dialect;
        Text = text;
        StatisticsText = statisticsText;
    }

    /// <summary>The dialect of <see cref="Text"/>.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The SELECT statement returning the result rows.</summary>
    public string Text { get; }

    /// <summary>
    /// A SELECT returning one row: <c>recordsScanned</c> (events in the time range), <c>recordsMatched</c> (those
    /// passing the filters before the first stats, dedup or limit) and <c>bytesScanned</c> (NULL where the source
    /// cannot say, e.g. Athena, which reports the bytes it scanned itself).
    /// </summary>
    public string StatisticsText { get; }

    /// <summary>The result's columns, in the order the query projects them (as the offline engine names them).</summary>
    public IReadOnlyList<SqlColumn> Columns { get; internal init; } = [];

    /// <summary>True when the query aggregates (<c>stats</c>): rows are groups, without <c>@ptr</c>.</summary>
    public bool IsAggregate { get; internal init; }

    /// <summary>For an aggregate query: the group-by columns, whose ascending natural order is the groups' first order.</summary>
    public IReadOnlyList<SqlColumn> GroupKeys { get; internal init; } = [];

    /// <summary>The keys the shaper orders rows by, most significant first (hidden columns).</summary>
    public IReadOnlyList<SqlSortKey> SortKeys { get; internal init; } = [];

    /// <summary>For event rows: the hidden input-order column that breaks ties.</summary>
    public SqlColumn? InputOrder { get; internal init; }

    /// <summary>For event rows: the hidden column holding <c>@ptr</c>.</summary>
    public SqlColumn? Pointer { get; internal init; }

    /// <summary>The <c>dedup</c> fields (hidden columns), empty when the query has none.</summary>
    public IReadOnlyList<SqlColumn> DedupColumns { get; internal init; } = [];

    /// <summary>How many rows the results keep (the query's <c>limit</c>, else 10,000).</summary>
    public int Limit { get; internal init; }

    /// <summary>True when the SQL orders and limits the rows itself (all sort keys are numbers or times).</summary>
    public bool OrderedBySql { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
