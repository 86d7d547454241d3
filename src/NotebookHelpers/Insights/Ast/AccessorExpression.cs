namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// Access into a map or list made by <c>jsonParse</c>: <c>x[1]</c> or <c>jsonParse(s).key</c>. Parsed so such queries
/// can be bound and sent to CloudWatch Logs; the offline engine does not run them.
/// </summary>
/// <param name="Target">The map or list.</param>
/// <param name="Member">The key, or the index as text.</param>
/// <param name="IsIndex">True for <c>[n]</c>.</param>
/// <param name="Span">Where it was written.</param>
public sealed record AccessorExpression(Expression Target, string Member, bool IsIndex, TextSpan Span) : Expression(Span);
