namespace NotebookHelpers.Aws.Logs;

/// <summary>Where a (possibly split) Logs Insights query stands.</summary>
/// <param name="RangesCompleted">Sub-ranges finished.</param>
/// <param name="RangesStarted">Sub-ranges started so far (grows when a range is split).</param>
/// <param name="RowsSoFar">Rows collected from finished sub-ranges.</param>
/// <param name="Message">What just happened, in one line.</param>
public sealed record LogsQueryProgress(int RangesCompleted, int RangesStarted, long RowsSoFar, string Message);
