using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Aws.Logs;

/// <summary>
/// The CloudWatch Logs operations the investigation needs (DescribeLogGroups, StartQuery, GetQueryResults,
/// StopQuery), one call each, over the JSON 1.1 protocol. Polling and splitting live in
/// <see cref="CloudWatchLogsQueryRunner"/>.
/// </summary>
public sealed class CloudWatchLogsClient
{
    private readonly JsonProtocolClient _json;

    /// <summary>Creates a client over a signing sender.</summary>
    public CloudWatchLogsClient(AwsHttpSender sender) =>
        _json = new JsonProtocolClient(sender, AwsService.Logs, "Logs_20140328");

    /// <summary>Every log group whose name starts with <paramref name="namePrefix"/> (all pages).</summary>
    public async Task<IReadOnlyList<LogGroupInfo>> DescribeLogGroupsAsync(string region, string? namePrefix, CancellationToken cancellationToken)
    {
        var groups = new List<LogGroupInfo>();
        string? token = null;
        var guard = new PageTokenGuard("logs", "DescribeLogGroups", region);
        do
        {
            var page = await _json.InvokeAsync<DescribeLogGroupsRequest, DescribeLogGroupsResponse>(
                region, "DescribeLogGroups", new DescribeLogGroupsRequest(namePrefix, token, 50), cancellationToken).ConfigureAwait(false);
            foreach (var g in page.LogGroups ?? [])
            {
                if (g.LogGroupName is null)
                {
                    continue;
                }

                groups.Add(new LogGroupInfo(
                    g.LogGroupName,
                    g.Arn,
                    g.CreationTime is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                    g.RetentionInDays,
                    g.StoredBytes));
            }

            token = guard.Next(page.NextToken);
        }
        while (token is not null);
        return groups;
    }

    /// <summary>Starts a Logs Insights query over whole seconds [start, end] (both inclusive, as AWS defines them).</summary>
    public async Task<string> StartQueryAsync(
        string region,
        IReadOnlyList<string> logGroups,
        long startSeconds,
        long endSeconds,
        string query,
        int? limit,
        CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<StartQueryRequest, StartQueryResponse>(
            region, "StartQuery", new StartQueryRequest(logGroups, startSeconds, endSeconds, query, limit), cancellationToken).ConfigureAwait(false);
        return response.QueryId ?? throw new AwsServiceException(
            AwsErrorKind.Other, "logs", "StartQuery", region, null, "StartQuery returned no queryId");
    }

    /// <summary>Reads a query's status and results (one page).</summary>
    public async Task<LogsQueryPage> GetQueryResultsAsync(string region, string queryId, string? nextToken, CancellationToken cancellationToken)
    {
        var response = await _json.InvokeAsync<GetQueryResultsRequest, GetQueryResultsResponse>(
            region, "GetQueryResults", new GetQueryResultsRequest(queryId, nextToken), cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyList<ResultField>>(response.Results?.Count ?? 0);
        foreach (var row in response.Results ?? [])
        {
            // @ptr is CloudWatch's pointer to the record; the offline engine has none, so results match without it.
            rows.Add(row.Where(f => f.Field is not null && f.Field != "@ptr").Select(f => new ResultField(f.Field!, f.Value ?? "")).ToList());
        }

        var statistics = response.Statistics is { } s ? new QueryStatistics(s.RecordsMatched, s.RecordsScanned, s.BytesScanned) : QueryStatistics.Empty;
        var status = Enum.TryParse<QueryStatus>(response.Status, ignoreCase: false, out var parsed) ? parsed : QueryStatus.Unknown;
        return new LogsQueryPage(status, rows, statistics, response.NextToken);
    }

    /// <summary>Stops a running query. Returns false when it had already ended.</summary>
    public async Task<bool> StopQueryAsync(string region, string queryId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _json.InvokeAsync<StopQueryRequest, StopQueryResponse>(
                region, "StopQuery", new StopQueryRequest(queryId), cancellationToken).ConfigureAwait(false);
            return response.Success;
        }
        catch (AwsServiceException e) when (e.Kind is AwsErrorKind.InvalidRequest or AwsErrorKind.NotFound)
        {
            // "The query is not running": nothing is left to stop.
            return false;
        }
    }
}
