namespace NotebookHelpers.Insights;

/// <summary>How far a running query has got: its status and the statistics so far.</summary>
/// <param name="Status">Scheduled, Running, or the final status.</param>
/// <param name="Statistics">Records matched, scanned and bytes scanned so far.</param>
/// <param name="Message">Optional human-readable detail (e.g. the file being read).</param>
public sealed record QueryProgress(QueryStatus Status, QueryStatistics Statistics, string? Message = null);
