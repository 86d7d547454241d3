namespace NotebookHelpers.Response;

/// <summary>
/// An executed containment run did not do everything it was asked: a call failed or its outcome is unknown. Thrown
/// by <see cref="ContainmentRun.ThrowIfFailed"/> so a notebook run stops there and <c>nbh run</c> exits non-zero
/// instead of reading as contained.
/// </summary>
public sealed class ContainmentFailedException : Exception
{
    /// <summary>Creates the exception with the run's one-line headline.</summary>
    public ContainmentFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ContainmentFailedException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public ContainmentFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
