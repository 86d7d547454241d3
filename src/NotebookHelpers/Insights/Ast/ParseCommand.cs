namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// <c>parse [field] "glob*pattern" as a, b</c> or <c>parse [field] /(?&lt;name&gt;regex)/</c>: extracts fields from a
/// string field (<c>@message</c> when omitted). Events that do not match are kept, without the extracted fields.
/// </summary>
/// <param name="Source">The field parsed.</param>
/// <param name="Glob">The glob pattern, or null for a regex.</param>
/// <param name="Regex">The regex pattern, or null for a glob.</param>
/// <param name="Aliases">The glob's field names, one per <c>*</c>; empty for a regex (its named groups name the fields).</param>
/// <param name="PatternSpan">Where the pattern was written.</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record ParseCommand(
    FieldExpression Source, string? Glob, string? Regex, IReadOnlyList<string> Aliases, TextSpan PatternSpan, string Keyword, TextSpan KeywordSpan, TextSpan Span)
    : Command(Keyword, KeywordSpan, Span);
