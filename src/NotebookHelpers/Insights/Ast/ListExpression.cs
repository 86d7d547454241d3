namespace NotebookHelpers.Insights.Ast;

/// <summary>A list literal <c>[a, "b", 1]</c>, the right side of <c>in</c>.</summary>
/// <param name="Items">The items.</param>
/// <param name="Span">Where it was written.</param>
public sealed record ListExpression(IReadOnlyList<Expression> Items, TextSpan Span) : Expression(Span);
