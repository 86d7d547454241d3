using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Ast;

/// <summary>A literal string or number.</summary>
/// <param name="Value">The literal's value.</param>
/// <param name="Span">Where it was written.</param>
public sealed record ConstantExpression(Value Value, TextSpan Span) : Expression(Span);
