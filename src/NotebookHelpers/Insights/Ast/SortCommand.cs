namespace NotebookHelpers.Insights.Ast;

/// <summary><c>sort a desc, b asc</c>.</summary>
/// <param name="Keys">The keys, most significant first.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record SortCommand(IReadOnlyList<SortKey> Keys, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
