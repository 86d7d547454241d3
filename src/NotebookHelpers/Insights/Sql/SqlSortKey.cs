namespace NotebookHelpers.Insights.Sql;

/// <summary>One key the result shaper orders rows by, most significant first.</summary>
/// <param name="Column">The hidden result column holding the key.</param>
/// <param name="Descending">True for <c>desc</c>.</param>
public sealed record SqlSortKey(SqlColumn Column, bool Descending);
