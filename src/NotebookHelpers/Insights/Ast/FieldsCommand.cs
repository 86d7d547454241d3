namespace NotebookHelpers.Insights.Ast;

/// <summary><c>fields a, expr as b</c>: creates fields and adds them to the output.</summary>
/// <param name="Items">The fields.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record FieldsCommand(IReadOnlyList<ProjectionItem> Items, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
