namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// Where rendered SQL reads events from. Each source fixes its dialect and how a Logs Insights field maps to its
/// columns: <see cref="AthenaTable"/> is the standard CloudTrail table of AWS's documented CREATE EXTERNAL TABLE
/// (Trino); <see cref="DuckDbEvents"/> is one row per evidence record in the <see cref="StagedEventColumns"/> layout
/// (DuckDB).
/// </summary>
public abstract record SqlSource
{
    private protected SqlSource()
    {
    }

    /// <summary>The dialect this source is read with.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The relation as it appears after FROM.</summary>
    public abstract string Relation { get; }

    /// <summary>
    /// A condition on the relation's partition columns ANDed with the time range wherever the range applies (the
    /// rows and the statistics), or null. It bounds what Athena reads; it selects no events the range does not.
    /// </summary>
    public virtual string? PartitionPredicate => null;

    /// <summary>The standard CloudTrail table in Athena, e.g. <c>default.cloudtrail_logs</c>.</summary>
    /// <param name="table">TABLE or DATABASE.TABLE.</param>
    /// <param name="partitionPredicate">A condition on its partition columns (<c>CloudTrailPartitionFilter.ToSql</c>),
    /// or null to read every partition.</param>
    /// <exception cref="ArgumentException">The name is not one or two plain identifiers.</exception>
    public static SqlSource AthenaTable(string table, string? partitionPredicate = null) => new AthenaTableSource(table, partitionPredicate);

    /// <summary>
    /// Evidence records staged for DuckDB: <paramref name="relation"/> is a table name (default <c>events</c>) or a
    /// table function such as <c>read_json('events.ndjson', columns = …)</c> with the
    /// <see cref="StagedEventColumns"/> columns.
    /// </summary>
    public static SqlSource DuckDbEvents(string relation = StagedEventColumns.DefaultTable) => new DuckDbEventsSource(relation);
}

/// <summary>The standard CloudTrail table in Athena (Trino).</summary>
internal sealed record AthenaTableSource : SqlSource
{
    public AthenaTableSource(string table, string? partitionPredicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        var parts = table.Split('.');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"'{table}' is not a table name (TABLE or DATABASE.TABLE, letters, digits and _).", nameof(table));
        }

        Relation = string.Join('.', parts.Select(p => "\"" + p + "\""));
        PartitionPredicate = string.IsNullOrWhiteSpace(partitionPredicate) ? null : partitionPredicate;
    }

    public override SqlDialect Dialect => SqlDialect.Trino;

    public override string Relation { get; }

    public override string? PartitionPredicate { get; }
}

/// <summary>Evidence records staged for DuckDB.</summary>
internal sealed record DuckDbEventsSource : SqlSource
{
    public DuckDbEventsSource(string relation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relation);
        Relation = relation;
    }

    public override SqlDialect Dialect => SqlDialect.DuckDb;

    public override string Relation { get; }
}
