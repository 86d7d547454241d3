using Amazon.Runtime;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>Fixed credentials, clock and session factory for the AWS tests.</summary>
public static class TestAws
{
    /// <summary>The analyst's access key id in every test.</summary>
    public const string AccessKeyId = "AKIDTESTANALYST0001";

    /// <summary>The analyst's secret: it must never appear in any output.</summary>
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY1";

    /// <summary>The signing time of every test request.</summary>
    public static readonly DateTimeOffset SigningTime = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Tiny backoffs so retry paths run in milliseconds.</summary>
    public static AwsClientOptions FastOptions(Action<AwsRetryNotice>? onRetry = null) => new()
    {
        Retry = new AwsRetryOptions(5, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(10)),
        SigningClock = new FixedClock(SigningTime),
        RequestTimeout = TimeSpan.FromSeconds(10),
        OnRetry = onRetry,
    };

    /// <summary>A session whose every service endpoint is the fake server (through AWS_ENDPOINT_URL).</summary>
    public static AwsSession Session(FakeAwsServer server, string region = "us-east-1", AwsClientOptions? options = null) =>
        AwsSession.Open(new AwsSessionSettings
        {
            Region = region,
            Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
            Credentials = new BasicAWSCredentials(AccessKeyId, SecretKey),
            ClientOptions = options ?? FastOptions(),
        });

    /// <summary>A clock stuck at one instant, for signing only.</summary>
    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        /// <inheritdoc />
        public override DateTimeOffset GetUtcNow() => now;
    }
}
