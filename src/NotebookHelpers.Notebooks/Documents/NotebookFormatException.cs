namespace NotebookHelpers.Notebooks.Documents;

/// <summary>A notebook file cannot be read; the message names the file and, when known, the position.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NotebookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NotebookFormatException()
    {
    }
}
