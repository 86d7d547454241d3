using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Sql;

/// <summary>After <c>stats</c>, a field that names one of its output columns (the planner's rewrite of the name).</summary>
/// <param name="Column">The SQL column of the stats subquery.</param>
/// <param name="Kind">What its values are.</param>
/// <param name="Span">Where the field is written.</param>
internal sealed record StatsColumnExpression(string Column, SqlValueKind Kind, TextSpan Span) : Expression(Span);
