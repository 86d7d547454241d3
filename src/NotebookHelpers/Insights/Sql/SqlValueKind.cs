namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// How an output column's SQL values are to be read back into Logs Insights values by the result shaper: the SQL
/// type alone cannot say it (a JSON field may hold a string, a number or a boolean).
/// </summary>
public enum SqlValueKind
{
    /// <summary>Text (VARCHAR); NULL is a missing value.</summary>
    Text,

    /// <summary>
    /// A JSON scalar as JSON text (<c>"abc"</c>, <c>1.5</c>, <c>true</c>): strings, numbers and booleans keep their
    /// JSON type; JSON <c>null</c>, objects, arrays and SQL NULL are missing.
    /// </summary>
    Json,

    /// <summary>A number (DOUBLE or an integer type).</summary>
    Number,

    /// <summary>A boolean, shown as <c>1</c>/<c>0</c>.</summary>
    Boolean,

    /// <summary>Epoch milliseconds, shown as <c>yyyy-MM-dd HH:mm:ss.fff</c>.</summary>
    Timestamp,
}
