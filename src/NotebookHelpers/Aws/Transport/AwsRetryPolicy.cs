namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Runs an AWS call and retries it on throttling, 5xx and network failures with exponential backoff, as the AWS SDKs'
/// standard retry mode does. Anything else is thrown at once.
/// </summary>
public sealed class AwsRetryPolicy
{
    private readonly AwsRetryOptions _options;
    private readonly Action<AwsRetryNotice>? _onRetry;
    private readonly Random _random = new();
    private readonly Lock _randomLock = new();

    /// <summary>Creates a policy.</summary>
    public AwsRetryPolicy(AwsRetryOptions options, Action<AwsRetryNotice>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _onRetry = onRetry;
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or runs out of attempts.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (AwsErrorClassifier.IsTransient(e.Kind) && number < _options.MaxAttempts)
            {
                TimeSpan delay;
                lock (_randomLock)
                {
                    delay = _options.DelayBefore(number, _random);
                }

                _onRetry?.Invoke(new AwsRetryNotice(e, number, delay));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
