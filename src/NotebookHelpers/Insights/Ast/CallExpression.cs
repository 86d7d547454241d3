namespace NotebookHelpers.Insights.Ast;

/// <summary>A function call, scalar or aggregate: <c>concat(a, b)</c>, <c>count(*)</c>, <c>bin(1h)</c>.</summary>
/// <param name="Name">The function name as written.</param>
/// <param name="Arguments">The arguments.</param>
/// <param name="NameSpan">Where the name was written.</param>
/// <param name="Span">Where the whole call was written.</param>
public sealed record CallExpression(string Name, IReadOnlyList<Expression> Arguments, TextSpan NameSpan, TextSpan Span) : Expression(Span);
