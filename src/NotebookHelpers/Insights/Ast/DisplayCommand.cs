namespace NotebookHelpers.Insights.Ast;

/// <summary><c>display a, b</c>: the output shows exactly these (the last display wins).</summary>
/// <param name="Items">The fields.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record DisplayCommand(IReadOnlyList<ProjectionItem> Items, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
