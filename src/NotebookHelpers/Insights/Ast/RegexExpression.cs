namespace NotebookHelpers.Insights.Ast;

/// <summary>A regular expression literal <c>/pattern/</c>, as written between the slashes (escaped slashes unescaped).</summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Span">Where it was written, slashes included.</param>
public sealed record RegexExpression(string Pattern, TextSpan Span) : Expression(Span);
