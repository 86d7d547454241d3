namespace NotebookHelpers.Aws.EvidenceFolder;

/// <summary>
/// A file of the evidence folder would be overwritten with different content. Evidence is written once: the caller
/// must choose another name (or another folder).
/// </summary>
public sealed class EvidenceConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public EvidenceConflictException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public EvidenceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
