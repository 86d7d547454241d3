namespace NotebookHelpers.Insights.Ast;

/// <summary><c>dedup a, b</c>: keeps the first event (in sort order) of each distinct combination.</summary>
/// <param name="Fields">The fields that make an event a duplicate.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record DedupCommand(IReadOnlyList<FieldExpression> Fields, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
