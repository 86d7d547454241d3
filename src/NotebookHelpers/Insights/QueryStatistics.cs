namespace NotebookHelpers.Insights;

/// <summary>The statistics block of a GetQueryResults response.</summary>
/// <param name="RecordsMatched">Log events that matched the query's filters.</param>
/// <param name="RecordsScanned">Log events scanned.</param>
/// <param name="BytesScanned">Bytes of log events scanned.</param>
public sealed record QueryStatistics(double RecordsMatched, double RecordsScanned, double BytesScanned)
{
    /// <summary>Statistics of a query that has scanned nothing yet.</summary>
    public static QueryStatistics Empty { get; } = new(0, 0, 0);
}
