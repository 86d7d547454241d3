namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Keeps a caller under a documented per-second quota such as LookupEvents' 2 requests per second per region.
/// AWS counts requests where it receives them, so spacing request starts is not enough: a slow first request (a new
/// connection, a busy machine) arrives late and the next one, sent on time, arrives too close behind it. The limiter
/// therefore spaces each start at least <c>1 / rate</c> after the previous start and after the previous response
/// (<see cref="ResponseReceived"/>): a request cannot arrive before it is sent, nor after its response, so arrivals
/// are at least <c>1 / rate</c> apart whatever the latency. Thread-safe; waits are cancellable.
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

        _interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The smallest gap between two request starts, and between a response and the next start.</summary>
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

    /// <summary>
    /// Records that a response (or a failure) came back: the next request starts no sooner than one interval from now.
    /// </summary>
    public void ResponseReceived()
    {
        lock (_lock)
        {
            var earliest = _clock.GetUtcNow() + _interval;
            if (earliest > _next)
            {
                _next = earliest;
            }
        }
    }
}
