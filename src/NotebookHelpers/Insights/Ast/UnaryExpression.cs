namespace NotebookHelpers.Insights.Ast;

/// <summary>A unary operation.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Span">Where it was written.</param>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, TextSpan Span) : Expression(Span);
