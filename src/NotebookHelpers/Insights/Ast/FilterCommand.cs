namespace NotebookHelpers.Insights.Ast;

/// <summary><c>filter condition</c> (or its alias <c>where</c>): keeps the events for which the condition is true.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Keyword">The command word (<c>filter</c> or <c>where</c>).</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record FilterCommand(Expression Condition, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
