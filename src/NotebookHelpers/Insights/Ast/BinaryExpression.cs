namespace NotebookHelpers.Insights.Ast;

/// <summary>A binary operation: comparison, boolean, match, membership or arithmetic.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand (a <see cref="RegexExpression"/> or string for <c>like</c>, a <see cref="ListExpression"/> for <c>in</c>).</param>
/// <param name="Span">Where it was written.</param>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, TextSpan Span) : Expression(Span);
