namespace NotebookHelpers.Insights.Ast;

/// <summary>One command of the pipeline (<c>filter …</c>, <c>stats …</c>).</summary>
/// <param name="Keyword">The command word as written.</param>
/// <param name="KeywordSpan">Where the command word was written.</param>
/// <param name="Span">Where the whole command was written.</param>
public abstract record Command(string Keyword, TextSpan KeywordSpan, TextSpan Span);
