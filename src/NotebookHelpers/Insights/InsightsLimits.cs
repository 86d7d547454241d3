namespace NotebookHelpers.Insights;

/// <summary>Numbers of the Logs Insights service that the offline engine reproduces.</summary>
public static class InsightsLimits
{
    /// <summary>Rows returned when the query has no <c>limit</c> (10,000 since 2024; it was 1,000).</summary>
    public const int DefaultLimit = 10_000;

    /// <summary>The largest <c>limit</c> (100,000; it was 10,000).</summary>
    public const int MaxLimit = 100_000;

    /// <summary>At most this many <c>stats</c> commands in one query.</summary>
    public const int MaxStatsCommands = 2;
}
