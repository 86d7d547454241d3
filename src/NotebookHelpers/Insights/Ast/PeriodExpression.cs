using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Ast;

/// <summary>A time period literal such as <c>5m</c>.</summary>
/// <param name="Period">The period as written (caps apply when it is used).</param>
/// <param name="Span">Where it was written.</param>
public sealed record PeriodExpression(Period Period, TextSpan Span) : Expression(Span);
