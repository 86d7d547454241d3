namespace NotebookHelpers.Integrity;

/// <summary>A digest file that cannot be read or is not a digest; the message names the file and the position.</summary>
public sealed class DigestReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DigestReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DigestReadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public DigestReadException()
    {
    }
}
