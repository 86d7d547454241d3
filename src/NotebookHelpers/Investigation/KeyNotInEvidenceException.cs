namespace NotebookHelpers.Investigation;

/// <summary>
/// Stops a notebook whose access key does not appear in its evidence. The message is the check's sentence
/// (<c>KEY does not appear in this evidence</c>) and what was looked at, on one line.
/// </summary>
public sealed class KeyNotInEvidenceException : Exception
{
    /// <summary>Creates the exception for a failed check.</summary>
    public KeyNotInEvidenceException(KeyInEvidence check)
        : base((check ?? throw new ArgumentNullException(nameof(check))).ToString())
    {
        Check = check;
    }

    /// <summary>Creates the exception with no check.</summary>
    public KeyNotInEvidenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KeyNotInEvidenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public KeyNotInEvidenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The check that failed, when the exception came from one.</summary>
    public KeyInEvidence? Check { get; }

    // Shown by notebook hosts as the cell's error: the sentence, not a stack trace into the library.
    /// <inheritdoc />
    public override string? StackTrace => null;
}
