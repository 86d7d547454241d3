namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Keeps a caller under a documented per-second quota such as LookupEvents' 2 requests per second per region.
/// AWS counts requests where it receives them, so spacing request starts is not enough: a slow first request (a new
/// connection, a busy machine) arrives late and the next one, sent on time, arrives too close behind it. The limiter
/// therefore spaces each start at least <c>1 / rate</c> after the previous start and after the previous response
/// (<see cref="ResponseReceived"/>): a request cannot arrive before it is sent, nor after its response, so arrivals
/// are at least <c>1 / rate</c> apart whatever the latency. Thread-safe; waits are cancellable.
/// </summary>
/// <remarks>
/// Times are read from the monotonic timestamp of the <see cref="TimeProvider"/>, never the wall clock, so a clock
/// adjustment cannot shorten a gap. Timers may fire a fraction of a millisecond early (they count whole milliseconds),
/// so a wait is re-checked against the timestamp and extended until the start time has really passed: a limiter that
/// is early by 1 ms on each of three requests already exceeds a quota of 2 per second.
/// </remarks>
public sealed class RequestRateLimiter
{
    private readonly TimeSpan _interval;
    private readonly long _intervalTicks;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private long? _next;

    /// <summary>Creates a limiter for <paramref name="requestsPerSecond"/>.</summary>
    public RequestRateLimiter(double requestsPerSecond, TimeProvider? clock = null)
    {
        if (requestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The rate must be positive.");
        }

        _interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
        _clock = clock ?? TimeProvider.System;
        _intervalTicks = (long)Math.Ceiling(_interval.TotalSeconds * _clock.TimestampFrequency);
    }

    /// <summary>The smallest gap between two request starts, and between a response and the next start.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Waits until the next request may start.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        long start;
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            start = _next is { } next && next > now ? next : now;
            _next = start + _intervalTicks;
        }

        return Remaining(start) > TimeSpan.Zero ? WaitUntilAsync(start, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Records that a response (or a failure) came back: the next request starts no sooner than one interval from now.
    /// </summary>
    public void ResponseReceived()
    {
        lock (_lock)
        {
            var earliest = _clock.GetTimestamp() + _intervalTicks;
            if (_next is not { } next || earliest > next)
            {
                _next = earliest;
            }
        }
    }

    private async Task WaitUntilAsync(long start, CancellationToken cancellationToken)
    {
        for (var remaining = Remaining(start); remaining > TimeSpan.Zero; remaining = Remaining(start))
        {
            var wholeMilliseconds = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
            await Task.Delay(wholeMilliseconds, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Remaining(long start) => _clock.GetElapsedTime(_clock.GetTimestamp(), start);
}
