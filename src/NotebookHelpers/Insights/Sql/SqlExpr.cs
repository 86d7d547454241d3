namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// A rendered SQL expression and what its values are. A field read from JSON carries two forms: <see cref="Sql"/>
/// (the JSON scalar as JSON text, so the shaper keeps its type) and <see cref="TextSql"/> (the scalar as text, for
/// comparisons and functions).
/// </summary>
/// <param name="Sql">The expression.</param>
/// <param name="Kind">What its values are.</param>
/// <param name="TextSql">For <see cref="SqlValueKind.Json"/>: the same value as VARCHAR text.</param>
/// <param name="Constant">For a literal: its Logs Insights value.</param>
internal sealed record SqlExpr(string Sql, SqlValueKind Kind, string? TextSql = null, Runtime.Value? Constant = null)
{
    /// <summary>True for a NULL literal (a field that cannot exist).</summary>
    public bool IsNull => Sql == "NULL";

    public static SqlExpr Null { get; } = new("NULL", SqlValueKind.Text);
}
