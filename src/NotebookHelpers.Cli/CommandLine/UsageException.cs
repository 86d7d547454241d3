namespace NotebookHelpers.Cli.CommandLine;

/// <summary>The command line is wrong: <c>nbh</c> prints the message and exits with code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with a one-line message that says what to change.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
