using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights;

/// <summary>
/// Something that runs a CloudWatch Logs Insights query over a time range and returns what GetQueryResults would:
/// offline over evidence files or in-memory records, or live on the CloudWatch
/// Logs service. A notebook cell written against this interface runs unchanged on either.
/// </summary>
public interface IInsightsQueryRunner
{
    /// <summary>A short description of where the query runs, for progress and report text (e.g. a path or a log group).</summary>
    string Description { get; }

    /// <summary>Runs <paramref name="query"/> over the events whose time lies in <paramref name="range"/>.</summary>
    /// <param name="query">Logs Insights query text.</param>
    /// <param name="range">Event time range, both ends inclusive; <see cref="TimeRange.All"/> for everything.</param>
    /// <param name="progress">Receives progress while the query runs; may be null.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The results; problems with the input (skipped files or records) are in <see cref="QueryResults.Warnings"/>.</returns>
    /// <exception cref="InsightsQueryException">The query text is not valid, or uses a command this runner cannot run.</exception>
    Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default);
}
