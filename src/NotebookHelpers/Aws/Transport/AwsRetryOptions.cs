namespace NotebookHelpers.Aws.Transport;

/// <summary>How transient failures (throttling, 5xx, network) are retried: exponential backoff with full jitter.</summary>
/// <param name="MaxAttempts">Attempts in total, including the first.</param>
/// <param name="BaseDelay">The delay cap of the first retry; doubled for each later one.</param>
/// <param name="MaxDelay">The largest delay between two attempts.</param>
public sealed record AwsRetryOptions(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>8 attempts, 250 ms doubling up to 20 s: rides out LookupEvents and Logs throttling.</summary>
    public static AwsRetryOptions Default { get; } = new(8, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), with full jitter.</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));

        // Half fixed, half random: never zero (so a throttled region really slows down), still de-synchronised.
        return TimeSpan.FromMilliseconds((cap / 2) + (random.NextDouble() * cap / 2));
    }
}
