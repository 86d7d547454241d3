namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// An Athena query execution ended without results: it failed, was cancelled (by someone else, or by a workgroup's
/// data limit), or was stopped here because it scanned more than allowed. The message names the execution id and
/// Athena's reason; <see cref="Execution"/> holds the final state and the bytes scanned (billed unless it failed).
/// </summary>
public class AthenaQueryException : Exception
{
    /// <summary>Creates the exception for an execution.</summary>
    public AthenaQueryException(string message, AthenaQueryExecution execution, AthenaCost cost)
        : base(message)
    {
        Execution = execution;
        Cost = cost;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AthenaQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AthenaQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public AthenaQueryException()
    {
    }

    /// <summary>The execution as it ended, when one was started.</summary>
    public AthenaQueryExecution? Execution { get; }

    /// <summary>What it cost, when one was started.</summary>
    public AthenaCost? Cost { get; }
}
