namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// The columns of evidence records staged for DuckDB, one row per record as the offline engine reads it (the same
/// reader, duplicate removal and event time), so both engines see the same events.
/// </summary>
public static class StagedEventColumns
{
    /// <summary>The default table name.</summary>
    public const string DefaultTable = "events";

    /// <summary>BIGINT: the record's position in input order (file order, then position in the file).</summary>
    public const string Order = "o";

    /// <summary>DOUBLE: the event time in epoch milliseconds (<c>@timestamp</c>); NULL when the record has none.</summary>
    public const string Timestamp = "t";

    /// <summary>BIGINT: the record's size in bytes as stored (for <c>bytesScanned</c>).</summary>
    public const string Bytes = "n";

    /// <summary>VARCHAR: the record's evidence location (<c>@ptr</c>).</summary>
    public const string Pointer = "p";

    /// <summary>VARCHAR: the record's JSON exactly as read (<c>@message</c>; fields are read from it).</summary>
    public const string Message = "m";

    /// <summary>The CREATE TABLE statement of the staged table.</summary>
    public static string CreateTable(string table = DefaultTable) =>
        $"CREATE TABLE {table} ({Order} BIGINT, {Timestamp} DOUBLE, {Bytes} BIGINT, {Pointer} VARCHAR, {Message} VARCHAR)";
}
