namespace NotebookHelpers.Insights.Ast;

/// <summary><c>limit N</c> (or <c>limit any N</c>).</summary>
/// <param name="Count">How many rows.</param>
/// <param name="Any">True for <c>limit any</c>, which promises no order.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record LimitCommand(int Count, bool Any, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
