using System.Globalization;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Aws.Logs;

/// <summary>
/// Runs a Logs Insights query on CloudWatch Logs and returns the same <see cref="QueryResults"/> as the offline
/// engine. It polls GetQueryResults while the query is Scheduled or Running (with backoff), stops the query on
/// cancellation or timeout so nothing is left running, and when a range returns the row limit it splits the range
/// in two and re-runs both halves until every part is under the limit, never more than
/// <see cref="CloudWatchLogsQueryOptions.MaxConcurrentQueries"/> queries at once.
/// </summary>
public sealed class CloudWatchLogsQueryRunner : IInsightsQueryRunner
{
    private readonly CloudWatchLogsClient _client;
    private readonly string _region;
    private readonly IReadOnlyList<string> _logGroups;
    private readonly CloudWatchLogsQueryOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _clock;

    /// <summary>Creates a runner for log groups in one region.</summary>
    public CloudWatchLogsQueryRunner(
        CloudWatchLogsClient client,
        string region,
        IReadOnlyList<string> logGroups,
        CloudWatchLogsQueryOptions? options = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logGroups);
        if (logGroups.Count is 0 or > 50)
        {
            throw new ArgumentException("A Logs Insights query takes 1 to 50 log groups.", nameof(logGroups));
        }

        _client = client;
        _region = region;
        _logGroups = logGroups;
        _options = options ?? new CloudWatchLogsQueryOptions();
        _clock = clock ?? TimeProvider.System;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentQueries));
    }

    /// <summary>The log groups queried.</summary>
    public IReadOnlyList<string> LogGroups => _logGroups;

    /// <summary>The region queried.</summary>
    public string Region => _region;

    /// <inheritdoc />
    public string Description => $"cwl:{string.Join(',', _logGroups)} ({_region})";

    /// <summary>
    /// Runs <paramref name="query"/> over <paramref name="range"/>; an open start means the epoch (the log groups'
    /// retention bounds it), an open end means now.
    /// </summary>
    public Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(query, range.Start ?? DateTimeOffset.UnixEpoch, range.End ?? _clock.GetUtcNow(), progress, cancellationToken);

    /// <summary>Runs <paramref name="query"/> over [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public async Task<QueryResults> RunAsync(
        string query,
        DateTimeOffset start,
        DateTimeOffset end,
        IProgress<QueryProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (end < start)
        {
            throw new ArgumentException($"The range ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        var shape = InsightsQueryShape.Of(query);
        var tracker = new ProgressTracker(progress);
        var outcome = await RunRangeAsync(query, shape, start.ToUnixTimeSeconds(), end.ToUnixTimeSeconds(), tracker, cancellationToken).ConfigureAwait(false);
        var rows = outcome.Rows;
        if (outcome.Parts > 1 && shape.SortField is { } field && field != "@timestamp")
        {
            rows = SortRows(rows, field, shape.SortAscending);
        }

        var warnings = new List<string>(outcome.Warnings);
        if (outcome.Parts > 1)
        {
            warnings.Insert(0, string.Create(CultureInfo.InvariantCulture,
                $"The range was split into {outcome.Parts} parts because a part returned the row limit ({_options.RowLimit}); rows were merged."));
            if (shape.Deduplicates)
            {
                warnings.Add("The query uses dedup; rows were deduplicated within each part only.");
            }
        }

        return new QueryResults(outcome.Status, Columns(rows), rows, outcome.Statistics, warnings);
    }

    private async Task<RangeOutcome> RunRangeAsync(string query, InsightsQueryShape shape, long start, long end, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        tracker.Started();
        var outcome = await ExecuteOnceAsync(query, start, end, tracker, cancellationToken).ConfigureAwait(false);
        var full = outcome.Status == QueryStatus.Complete && outcome.Rows.Count >= _options.RowLimit;
        if (!full)
        {
            tracker.Completed(outcome, $"{Describe(start, end)}: {outcome.Rows.Count} rows, {outcome.Status}");
            return outcome;
        }

        if (!shape.IsSplittable)
        {
            tracker.Completed(outcome, $"{Describe(start, end)}: row limit reached");
            var why = shape.Aggregates ? "it aggregates with stats" : "it has its own limit";
            return outcome with
            {
                Warnings = shape.HasLimit && !shape.Aggregates
                    ? outcome.Warnings
                    : [.. outcome.Warnings, string.Create(CultureInfo.InvariantCulture,
                        $"{Describe(start, end)} returned the row limit ({_options.RowLimit}) and was not split because {why}: results may be incomplete; narrow the range or the filter.")],
            };
        }

        if (end - start + 1 <= Math.Max(1, (long)_options.MinimumSplitWindow.TotalSeconds))
        {
            tracker.Completed(outcome, $"{Describe(start, end)}: row limit reached in the smallest range");
            return outcome with
            {
                Status = QueryStatus.Complete,
                Warnings = [.. outcome.Warnings, string.Create(CultureInfo.InvariantCulture,
                    $"INCOMPLETE: {Describe(start, end)} still returns the row limit ({_options.RowLimit}) and cannot be split further; add a filter.")],
            };
        }

        var middle = start + ((end - start) / 2);
        tracker.Split($"{Describe(start, end)} returned {outcome.Rows.Count} rows (the limit): splitting at {FormatTime(middle)}");
        var halves = await Task.WhenAll(
            RunRangeAsync(query, shape, start, middle, tracker, cancellationToken),
            RunRangeAsync(query, shape, middle + 1, end, tracker, cancellationToken)).ConfigureAwait(false);

        // Logs Insights sorts newest first unless told "asc": keep that order when concatenating the halves.
        var (first, second) = shape.SortField == "@timestamp" && shape.SortAscending ? (halves[0], halves[1]) : (halves[1], halves[0]);
        return new RangeOutcome(
            WorstStatus(first.Status, second.Status),
            [.. first.Rows, .. second.Rows],
            new QueryStatistics(
                first.Statistics.RecordsMatched + second.Statistics.RecordsMatched,
                first.Statistics.RecordsScanned + second.Statistics.RecordsScanned,
                first.Statistics.BytesScanned + second.Statistics.BytesScanned),
            [.. first.Warnings, .. second.Warnings],
            first.Parts + second.Parts);
    }

    private async Task<RangeOutcome> ExecuteOnceAsync(string query, long start, long end, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var queryId = await StartWithinQuotaAsync(query, start, end, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.QueryTimeout);
            LogsQueryPage? last = null;
            try
            {
                var delay = _options.PollInitialDelay;
                while (true)
                {
                    last = await _client.GetQueryResultsAsync(_region, queryId, null, timeout.Token).ConfigureAwait(false);
                    if (last.Status is not (QueryStatus.Scheduled or QueryStatus.Running))
                    {
                        break;
                    }

                    tracker.Polled(last, $"{Describe(start, end)}: {last.Status}");

                    await Task.Delay(delay, timeout.Token).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(_options.PollMaxDelay.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
                }

                var rows = new List<IReadOnlyList<ResultField>>(last.Rows);
                var guard = new PageTokenGuard("logs", "GetQueryResults", _region);
                var token = last.Status == QueryStatus.Complete ? guard.Next(last.NextToken) : null;
                while (token is not null)
                {
                    var page = await _client.GetQueryResultsAsync(_region, queryId, token, timeout.Token).ConfigureAwait(false);
                    rows.AddRange(page.Rows);
                    token = guard.Next(page.NextToken);
                }

                var warnings = last.Status == QueryStatus.Complete
                    ? (IReadOnlyList<string>)[]
                    : [$"INCOMPLETE: query {queryId} over {Describe(start, end)} ended {last.Status}; its {rows.Count} rows are partial."];
                return new RangeOutcome(last.Status, rows, last.Statistics, warnings, 1);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await StopQuietlyAsync(queryId).ConfigureAwait(false);
                var partial = last?.Rows ?? [];
                return new RangeOutcome(
                    QueryStatus.Timeout,
                    partial,
                    last?.Statistics ?? QueryStatistics.Empty,
                    [string.Create(CultureInfo.InvariantCulture,
                        $"INCOMPLETE: query {queryId} over {Describe(start, end)} ran longer than {_options.QueryTimeout.TotalSeconds:0} s and was stopped; {partial.Count} partial rows kept.")],
                    1);
            }
            catch (OperationCanceledException)
            {
                await StopQuietlyAsync(queryId).ConfigureAwait(false);
                throw;
            }
            catch (AwsServiceException)
            {
                await StopQuietlyAsync(queryId).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<string> StartWithinQuotaAsync(string query, long start, long end, CancellationToken cancellationToken)
    {
        var delay = _options.PollInitialDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _client.StartQueryAsync(_region, _logGroups, start, end, query, _options.RowLimit, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.Kind == AwsErrorKind.LimitExceeded && attempt < _options.QuotaRetries)
            {
                // The account's concurrent-query quota is full (others' queries count too): wait for a slot.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(_options.PollMaxDelay.TotalMilliseconds, delay.TotalMilliseconds * 2));
            }
        }
    }

    // Cancellation must not leave a query running (and billing): stop it even though the caller's token is cancelled.
    private async Task StopQuietlyAsync(string queryId)
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _client.StopQueryAsync(_region, queryId, stopTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or OperationCanceledException or AwsConfigurationException)
        {
            // The query ends on its own after 60 minutes at most; nothing else can be done here.
        }
    }

    private static QueryStatus WorstStatus(QueryStatus a, QueryStatus b)
    {
        static int Rank(QueryStatus s) => s switch
        {
            QueryStatus.Complete => 0,
            QueryStatus.Timeout => 1,
            QueryStatus.Cancelled => 2,
            QueryStatus.Unknown => 3,
            QueryStatus.Failed => 4,
            _ => 1,
        };

        return Rank(a) >= Rank(b) ? a : b;
    }

    private static List<IReadOnlyList<ResultField>> SortRows(IReadOnlyList<IReadOnlyList<ResultField>> rows, string field, bool ascending)
    {
        static string? ValueOf(IReadOnlyList<ResultField> row, string field) => row.FirstOrDefault(f => f.Field == field)?.Value;
        var comparer = Comparer<string?>.Create((x, y) =>
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : 1) : -1;
            }

            return double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var dx)
                && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var dy)
                ? dx.CompareTo(dy)
                : string.CompareOrdinal(x, y);
        });
        return ascending
            ? [.. rows.OrderBy(r => ValueOf(r, field), comparer)]
            : [.. rows.OrderByDescending(r => ValueOf(r, field), comparer)];
    }

    private static List<string> Columns(IReadOnlyList<IReadOnlyList<ResultField>> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<string>();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                if (seen.Add(field.Field))
                {
                    columns.Add(field.Field);
                }
            }
        }

        return columns;
    }

    private static string Describe(long start, long end) => $"[{FormatTime(start)}, {FormatTime(end)}]";

    private static string FormatTime(long seconds) =>
        Events.UtcTime.Text(DateTimeOffset.FromUnixTimeSeconds(seconds));

    private sealed record RangeOutcome(
        QueryStatus Status,
        IReadOnlyList<IReadOnlyList<ResultField>> Rows,
        QueryStatistics Statistics,
        IReadOnlyList<string> Warnings,
        int Parts);

    private sealed class ProgressTracker(IProgress<QueryProgress>? progress)
    {
        private readonly Lock _lock = new();
        private int _started;
        private int _completed;
        private QueryStatistics _statistics = QueryStatistics.Empty;

        public void Started()
        {
            lock (_lock)
            {
                _started++;
            }
        }

        public void Completed(RangeOutcome outcome, string message)
        {
            lock (_lock)
            {
                _completed++;
                _statistics = new QueryStatistics(
                    _statistics.RecordsMatched + outcome.Statistics.RecordsMatched,
                    _statistics.RecordsScanned + outcome.Statistics.RecordsScanned,
                    _statistics.BytesScanned + outcome.Statistics.BytesScanned);
            }

            Report(message);
        }

        public void Split(string message) => Report(message);

        // While a part runs, the service's statistics so far are added to those of the finished parts.
        public void Polled(LogsQueryPage page, string message) => Report(message, page.Statistics);

        private void Report(string message, QueryStatistics? running = null)
        {
            QueryProgress value;
            lock (_lock)
            {
                var statistics = running is null ? _statistics : new QueryStatistics(
                    _statistics.RecordsMatched + running.RecordsMatched,
                    _statistics.RecordsScanned + running.RecordsScanned,
                    _statistics.BytesScanned + running.BytesScanned);
                value = new QueryProgress(
                    QueryStatus.Running,
                    statistics,
                    string.Create(CultureInfo.InvariantCulture, $"[{_completed}/{_started} parts] {message}"));
            }

            progress?.Report(value);
        }
    }
}
