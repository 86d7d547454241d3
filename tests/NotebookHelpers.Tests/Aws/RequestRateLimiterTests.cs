using System.Diagnostics;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Tests.Aws;

public sealed class RequestRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 11, 9, 0, 0, TimeSpan.Zero);

    // One request per 1,000 s: the limiter's waits run on real timers, so they must outlast a busy test machine.
    private const double Rate = 0.001;

    [Fact]
    public void LetsTheFirstRequestGoAtOnce()
    {
        var limiter = new RequestRateLimiter(Rate, new SettableClock(T0));

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task HoldsTheNextStartOneIntervalAfterThePreviousStart()
    {
        var clock = new SettableClock(T0);
        var limiter = new RequestRateLimiter(Rate, clock);
        await limiter.WaitAsync(CancellationToken.None);

        clock.Now = T0.AddSeconds(400);
        using var cancel = new CancellationTokenSource();
        var early = limiter.WaitAsync(cancel.Token);
        Assert.False(early.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => early);
    }

    [Fact]
    public async Task HoldsTheNextStartOneIntervalAfterASlowResponse()
    {
        // The first request took 300 s to come back: sending the next at 1,000 s (one interval after the first start)
        // could make both arrive at AWS 700 s apart. It must wait until 1,300 s.
        var clock = new SettableClock(T0);
        var limiter = new RequestRateLimiter(Rate, clock);
        await limiter.WaitAsync(CancellationToken.None);
        clock.Now = T0.AddSeconds(300);
        limiter.ResponseReceived();

        clock.Now = T0.AddSeconds(1100);
        using var cancel = new CancellationTokenSource();
        var early = limiter.WaitAsync(cancel.Token);
        Assert.False(early.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => early);
    }

    [Fact]
    public void LetsARequestGoAtOnceWhenTheIntervalHasPassedSinceTheResponse()
    {
        var clock = new SettableClock(T0);
        var limiter = new RequestRateLimiter(Rate, clock);
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        clock.Now = T0.AddSeconds(100);
        limiter.ResponseReceived();

        clock.Now = T0.AddSeconds(1200);

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task NeverLetsARequestStartEarlyOnRealTimers()
    {
        // Timers count whole milliseconds and may fire up to one early; on loopback a response comes back within that
        // millisecond, so an early timer alone would put two arrivals less than one interval apart.
        var limiter = new RequestRateLimiter(40);
        long? lastResponse = null;
        for (var i = 0; i < 12; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            if (lastResponse is { } previous)
            {
                var gap = Stopwatch.GetElapsedTime(previous, started);
                Assert.True(gap >= limiter.Interval, $"request {i + 1} started {gap.TotalMilliseconds:0.000} ms after the previous response");
            }

            lastResponse = Stopwatch.GetTimestamp();
            limiter.ResponseReceived();
        }
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;

        // The limiter measures gaps on the monotonic timestamp; this clock's timestamp is its settable time.
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.UtcTicks;
    }
}
