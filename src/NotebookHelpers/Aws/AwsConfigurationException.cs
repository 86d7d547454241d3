namespace NotebookHelpers.Aws;

/// <summary>
/// The local AWS configuration cannot be used: no region, no credentials, an unknown profile, a malformed endpoint
/// URL. The message is one line that says what to change; it never contains a secret.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public AwsConfigurationException()
    {
    }

    /// <summary>Creates the exception wrapping the SDK's failure.</summary>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
