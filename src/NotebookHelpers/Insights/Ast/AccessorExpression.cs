namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// Access into a map or list made by <c>jsonParse</c> or <c>split</c>: <c>x[1]</c> or <c>jsonParse(s).key</c>
/// (a dotted field below an alias of one is rewritten into this by <c>StructuredFieldRewriter</c>).
/// </summary>
/// <param name="Target">The map or list.</param>
/// <param name="Member">The key, or the index as text.</param>
/// <param name="IsIndex">True for <c>[n]</c>.</param>
/// <param name="Span">Where it was written.</param>
public sealed record AccessorExpression(Expression Target, string Member, bool IsIndex, TextSpan Span) : Expression(Span);
