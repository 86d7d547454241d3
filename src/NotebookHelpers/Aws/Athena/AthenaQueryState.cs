namespace NotebookHelpers.Aws.Athena;

/// <summary>The state of an Athena query execution (QueryExecutionStatus.State).</summary>
public enum AthenaQueryState
{
    /// <summary>A state this client does not know.</summary>
    Unknown,

    /// <summary>Submitted, waiting for capacity.</summary>
    Queued,

    /// <summary>Scanning data; transient errors can send it back to <see cref="Queued"/>.</summary>
    Running,

    /// <summary>Finished without error; results can be read.</summary>
    Succeeded,

    /// <summary>Ended with an error (terminal, never retried by Athena).</summary>
    Failed,

    /// <summary>Stopped by StopQueryExecution or a workgroup's data limit.</summary>
    Cancelled,
}
