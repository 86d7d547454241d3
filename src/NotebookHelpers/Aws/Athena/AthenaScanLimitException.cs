namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// A query was refused before it ran, or stopped while it ran, because it would scan (or had scanned) more than the
/// allowed bytes (<c>--max-scan-gb</c>).
/// </summary>
public sealed class AthenaScanLimitException : AthenaQueryException
{
    /// <summary>A query stopped while running, past the limit.</summary>
    public AthenaScanLimitException(string message, AthenaQueryExecution execution, AthenaCost cost)
        : base(message, execution, cost)
    {
    }

    /// <summary>A query refused before it ran.</summary>
    public AthenaScanLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AthenaScanLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public AthenaScanLimitException()
    {
    }
}
