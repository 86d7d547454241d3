namespace NotebookHelpers.Insights;

/// <summary>The status of a query, with the names GetQueryResults uses.</summary>
public enum QueryStatus
{
    /// <summary>Queued by the service, not yet running.</summary>
    Scheduled,

    /// <summary>Running; results may be partial.</summary>
    Running,

    /// <summary>Finished; results are final.</summary>
    Complete,

    /// <summary>The query failed.</summary>
    Failed,

    /// <summary>The query was stopped.</summary>
    Cancelled,

    /// <summary>The service timed the query out (after 60 minutes, AWS side).</summary>
    Timeout,

    /// <summary>The status is not known.</summary>
    Unknown,
}
