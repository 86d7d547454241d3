namespace NotebookHelpers.Insights.Sql;

/// <summary>The SQL dialects a Logs Insights query is rendered to (docs/athena.md lists the mapping).</summary>
public enum SqlDialect
{
    /// <summary>Trino, as Amazon Athena engine version 3 runs it, over the standard CloudTrail table.</summary>
    Trino,

    /// <summary>DuckDB, over the events staged from local evidence (<see cref="SqlSource.DuckDbEvents"/>).</summary>
    DuckDb,
}
