using NotebookHelpers.Insights;

namespace NotebookHelpers.Aws.Logs;

/// <summary>One GetQueryResults answer: the status, rows so far, statistics and the token of the next page.</summary>
/// <param name="Status">The query status.</param>
/// <param name="Rows">Rows, each the fields present for that event (<c>@ptr</c> removed).</param>
/// <param name="Statistics">Records matched, scanned and bytes scanned.</param>
/// <param name="NextToken">Set when more rows can be fetched with another GetQueryResults call.</param>
public sealed record LogsQueryPage(
    QueryStatus Status,
    IReadOnlyList<IReadOnlyList<ResultField>> Rows,
    QueryStatistics Statistics,
    string? NextToken);
