namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// A documented command the offline engine does not run (<c>pattern</c>, <c>diff</c>, <c>anomaly</c>, <c>unnest</c>,
/// <c>SOURCE</c>, <c>join</c>…). It is kept, text and all, so the query can still be bound and sent to CloudWatch
/// Logs; the offline compiler rejects it by name.
/// </summary>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record UnsupportedCommand(string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
