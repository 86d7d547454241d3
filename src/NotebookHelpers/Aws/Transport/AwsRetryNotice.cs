namespace NotebookHelpers.Aws.Transport;

/// <summary>A transient failure that is about to be retried, for progress output.</summary>
/// <param name="Error">What failed.</param>
/// <param name="Attempt">The attempt that failed (1-based).</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
public sealed record AwsRetryNotice(AwsServiceException Error, int Attempt, TimeSpan Delay);
