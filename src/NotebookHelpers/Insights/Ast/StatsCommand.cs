namespace NotebookHelpers.Insights.Ast;

/// <summary><c>stats agg(x) as a, … by g1, bin(1h) as t</c>.</summary>
/// <param name="Aggregations">The output expressions over aggregates.</param>
/// <param name="GroupBy">The grouping expressions (empty for one group).</param>
/// <param name="Keyword">The command word.</param>
/// <param name="KeywordSpan">Where it was written.</param>
/// <param name="Span">The whole command.</param>
public sealed record StatsCommand(IReadOnlyList<ProjectionItem> Aggregations, IReadOnlyList<ProjectionItem> GroupBy, string Keyword, TextSpan KeywordSpan, TextSpan Span) : Command(Keyword, KeywordSpan, Span);
