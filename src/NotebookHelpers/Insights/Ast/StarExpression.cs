namespace NotebookHelpers.Insights.Ast;

/// <summary>The <c>*</c> of <c>count(*)</c>: every event.</summary>
/// <param name="Span">Where it was written.</param>
public sealed record StarExpression(TextSpan Span) : Expression(Span);
