namespace NotebookHelpers.Aws.Athena;

/// <summary>What GetQueryExecution says about one query execution.</summary>
/// <param name="Id">The QueryExecutionId.</param>
/// <param name="State">Its state.</param>
/// <param name="StateChangeReason">Athena's detail about the state (why it failed or was cancelled), when given.</param>
/// <param name="ErrorMessage">AthenaError.ErrorMessage of a failed query, when given.</param>
/// <param name="DataScannedInBytes">Bytes scanned so far (grows while running; final once it ended).</param>
/// <param name="EngineExecutionMilliseconds">Engine time so far.</param>
/// <param name="StatementType">DML, DDL or UTILITY: only DML results start with a header row.</param>
/// <param name="OutputLocation">Where Athena writes the result files.</param>
/// <param name="WorkGroup">The workgroup it ran in.</param>
public sealed record AthenaQueryExecution(
    string Id,
    AthenaQueryState State,
    string? StateChangeReason,
    string? ErrorMessage,
    long DataScannedInBytes,
    long EngineExecutionMilliseconds,
    string? StatementType,
    string? OutputLocation,
    string? WorkGroup)
{
    /// <summary>True once the execution can change no more (succeeded, failed or cancelled).</summary>
    public bool HasEnded => State is AthenaQueryState.Succeeded or AthenaQueryState.Failed or AthenaQueryState.Cancelled;

    /// <summary>The reason to show for a failed or cancelled execution: Athena's reason, else its error message.</summary>
    public string? Reason => StateChangeReason ?? ErrorMessage;
}
