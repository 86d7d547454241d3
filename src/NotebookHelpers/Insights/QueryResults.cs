using NotebookHelpers.Display;

namespace NotebookHelpers.Insights;

/// <summary>
/// The outcome of a Logs Insights query, shaped like a GetQueryResults response whether it ran offline over files
/// or on the CloudWatch Logs service: rows of <see cref="ResultField"/>, statistics and a status. Fields absent from
/// an event are omitted from its row, as AWS does.
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class QueryResults
{
    /// <summary>Creates results.</summary>
    /// <param name="status">Complete, or the state the query ended in.</param>
    /// <param name="columns">Every column any row may hold, in the order the query projects them.</param>
    /// <param name="rows">The rows, each a list of fields present in that row, in column order.</param>
    /// <param name="statistics">Records matched, scanned and bytes scanned.</param>
    /// <param name="warnings">Problems the caller must see (e.g. skipped input, a partial result); empty when none.</param>
    public QueryResults(
        QueryStatus status,
        IReadOnlyList<string> columns,
        IReadOnlyList<IReadOnlyList<ResultField>> rows,
        QueryStatistics statistics,
        IReadOnlyList<string>? warnings = null)
    {
        Status = status;
        Columns = columns;
        Rows = rows;
        Statistics = statistics;
        Warnings = warnings ?? [];
    }

    /// <summary>Complete, or the state the query ended in.</summary>
    public QueryStatus Status { get; }

    /// <summary>Every column any row may hold, in projection order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows; each holds only the fields present for that row.</summary>
    public IReadOnlyList<IReadOnlyList<ResultField>> Rows { get; }

    /// <summary>Records matched, scanned and bytes scanned.</summary>
    public QueryStatistics Statistics { get; }

    /// <summary>Problems the caller must see: skipped input, partial results, unsupported features.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
