namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Spaces request starts at least <c>1 / rate</c> apart (plus a small margin), so a caller never exceeds a documented
/// per-second quota such as LookupEvents' 2 requests per second per region. Thread-safe; waits are cancellable.
/// </summary>
public sealed class RequestRateLimiter
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Creates a limiter for <paramref name="requestsPerSecond"/>.</summary>
    public RequestRateLimiter(double requestsPerSecond, TimeProvider? clock = null)
    {
        if (requestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The rate must be positive.");
        }

        // 5 % margin: the quota is counted where AWS receives requests, after network jitter.
        _interval = TimeSpan.FromSeconds(1.05 / requestsPerSecond);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The smallest gap between two request starts.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Waits until the next request may start.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            var start = _next > now ? _next : now;
            _next = start + _interval;
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, _clock, cancellationToken) : Task.CompletedTask;
    }
}
