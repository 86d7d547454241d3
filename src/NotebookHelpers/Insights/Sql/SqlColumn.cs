namespace NotebookHelpers.Insights.Sql;

/// <summary>One column of a rendered query's result set.</summary>
/// <param name="Name">The Logs Insights field name the column becomes (<c>count(*)</c>, <c>userIdentity.arn</c>).</param>
/// <param name="SqlName">The column's alias in the SQL result set.</param>
/// <param name="Kind">How the shaper reads its values.</param>
public sealed record SqlColumn(string Name, string SqlName, SqlValueKind Kind);
