namespace NotebookHelpers.Insights.Ast;

/// <summary>A named parameter <c>$name</c>, replaced by a value through <see cref="InsightsQuery.Bind(string, object?)"/>.</summary>
/// <param name="Name">The name without <c>$</c>.</param>
/// <param name="Span">Where it was written.</param>
public sealed record ParameterExpression(string Name, TextSpan Span) : Expression(Span);
