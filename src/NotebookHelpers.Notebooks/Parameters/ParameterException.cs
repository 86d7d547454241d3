namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>A parameter is malformed or does not fit the type the notebook declares.</summary>
public sealed class ParameterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ParameterException()
    {
    }
}
