namespace NotebookHelpers.Aws.Transport;

/// <summary>Settings shared by every AWS client of a session.</summary>
public sealed class AwsClientOptions
{
    /// <summary>Retries of throttling, 5xx and network failures.</summary>
    public AwsRetryOptions Retry { get; init; } = AwsRetryOptions.Default;

    /// <summary>
    /// The clock requests are signed with. Tests fix it so their server can check the signature against known values;
    /// delays always use real time.
    /// </summary>
    public TimeProvider SigningClock { get; init; } = TimeProvider.System;

    /// <summary>How long one HTTP request may take before it counts as a network failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Called before each retry (e.g. to print "throttled in eu-west-1, retrying in 1.2 s").</summary>
    public Action<AwsRetryNotice>? OnRetry { get; init; }

    /// <summary>The HTTP handler under the signer; null for a new <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
