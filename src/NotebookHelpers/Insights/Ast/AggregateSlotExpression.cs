namespace NotebookHelpers.Insights.Ast;

/// <summary>
/// The result of the <paramref name="Index"/>-th aggregate of a <c>stats</c> command. Produced by the
/// aggregate-extraction rewrite, which turns <c>sum(x)/1024</c> into <c>slot0/1024</c>; never written by users.
/// </summary>
/// <param name="Index">Which aggregate of the stats command.</param>
/// <param name="Span">Where the aggregate call was written.</param>
public sealed record AggregateSlotExpression(int Index, TextSpan Span) : Expression(Span);
