namespace NotebookHelpers.Insights.Ast;

/// <summary>One key of <c>sort</c>.</summary>
/// <param name="Expression">What to sort by.</param>
/// <param name="Descending">True for <c>desc</c>, or when no direction was written (the engine's documented default).</param>
/// <param name="DirectionWritten">True when <c>asc</c> or <c>desc</c> was written.</param>
public sealed record SortKey(Expression Expression, bool Descending, bool DirectionWritten);
