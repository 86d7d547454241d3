namespace NotebookHelpers.Aws.Logs;

/// <summary>How <see cref="CloudWatchLogsQueryRunner"/> polls, splits and limits its queries.</summary>
public sealed class CloudWatchLogsQueryOptions
{
    /// <summary>
    /// The <c>limit</c> passed to StartQuery (AWS maximum 100,000; 10,000 per GetQueryResults page). A query that
    /// returns exactly this many rows may have lost some, so its range is split and re-run.
    /// </summary>
    public int RowLimit { get; init; } = 10_000;

    /// <summary>The first wait between two GetQueryResults calls.</summary>
    public TimeSpan PollInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two GetQueryResults calls.</summary>
    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one query may run before it is stopped (StopQuery) and reported as timed out.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Queries this runner keeps running at once. The account quota is shared with dashboards and colleagues
    /// (30 to 100 per region), so the default leaves most of it free.
    /// </summary>
    public int MaxConcurrentQueries { get; init; } = 4;

    /// <summary>The smallest range the runner splits; a range this small that still hits the limit is reported as truncated.</summary>
    public TimeSpan MinimumSplitWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times StartQuery is retried when the account's concurrent-query quota is full (LimitExceededException).</summary>
    public int QuotaRetries { get; init; } = 20;
}
