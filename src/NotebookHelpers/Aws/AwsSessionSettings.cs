using Amazon.Runtime;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws;

/// <summary>How to open an <see cref="AwsSession"/>: the equivalents of the AWS CLI's <c>--profile</c> and <c>--region</c>.</summary>
public sealed class AwsSessionSettings
{
    /// <summary>The profile name (<c>--profile</c>); null follows the CLI's precedence.</summary>
    public string? Profile { get; init; }

    /// <summary>The home region (<c>--region</c>); null follows the CLI's precedence.</summary>
    public string? Region { get; init; }

    /// <summary>The environment to read; null reads the process environment.</summary>
    public AwsEnvironment? Environment { get; init; }

    /// <summary>Credentials to use instead of resolving them (a notebook that already holds some).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Retry, clock and HTTP settings.</summary>
    public AwsClientOptions ClientOptions { get; init; } = new();
}
