namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// A query uses a command, function or field that a SQL dialect (or its source table) cannot express. Thrown by
/// <see cref="SqlRenderer"/> before anything runs;
/// <see cref="Construct"/> names what was refused and <see cref="Line"/>/<see cref="Column"/> where it is.
/// </summary>
public sealed class SqlNotSupportedException : Exception
{
    /// <summary>Creates the exception for <paramref name="construct"/> at a position of <paramref name="query"/>.</summary>
    public SqlNotSupportedException(string construct, SqlDialect dialect, string reason, string query, int position, int length = 1)
        : this(construct, dialect, new InsightsQueryException($"{DialectName(dialect)}: {reason}", query, position, Math.Max(1, length)))
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public SqlNotSupportedException(string message)
        : base(message)
    {
        Construct = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception.</summary>
    public SqlNotSupportedException()
        : this("the query cannot be rendered as SQL")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public SqlNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Construct = string.Empty;
        Reason = message;
    }

    private SqlNotSupportedException(string construct, SqlDialect dialect, InsightsQueryException located)
        : base(located.Message, located)
    {
        Construct = construct;
        Dialect = dialect;
        Reason = located.Reason;
        Line = located.Line;
        Column = located.Column;
    }

    /// <summary>The command, function or field refused: <c>parse</c>, <c>pct()</c>, <c>@message</c>.</summary>
    public string Construct { get; }

    /// <summary>The dialect that cannot express it.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Why, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the construct in the query (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the construct (0 when unknown).</summary>
    public int Column { get; }

    /// <summary>The message with the query line and a caret under the construct, as <see cref="InsightsQueryException.Describe"/> writes it.</summary>
    public string Describe() => InnerException is InsightsQueryException q ? q.Describe() : Message;

    /// <summary>The dialect's name in messages: <c>Athena (Trino)</c> or <c>DuckDB</c>.</summary>
    public static string DialectName(SqlDialect dialect) => dialect == SqlDialect.Trino ? "Athena (Trino)" : "DuckDB";
}
