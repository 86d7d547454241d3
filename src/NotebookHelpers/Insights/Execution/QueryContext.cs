using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights.Execution;

/// <summary>What functions such as <c>now()</c> and <c>queryStartTime()</c> read: when the query started and its range.</summary>
/// <param name="StartedAt">When the query started (<c>now()</c>).</param>
/// <param name="Range">The query's time range.</param>
internal sealed record QueryContext(DateTimeOffset StartedAt, TimeRange Range);
