using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Tests.Aws;

public sealed class RequestRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LetsTheFirstRequestGoAtOnce()
    {
        var limiter = new RequestRateLimiter(2, new SettableClock(T0));

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task HoldsTheNextStartOneIntervalAfterThePreviousStart()
    {
        var clock = new SettableClock(T0);
        var limiter = new RequestRateLimiter(2, clock);
        await limiter.WaitAsync(CancellationToken.None);

        clock.Now = T0.AddSeconds(0.4);
        using var cancel = new CancellationTokenSource();
        var early = limiter.WaitAsync(cancel.Token);
        Assert.False(early.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => early);
    }

    [Fact]
    public async Task HoldsTheNextStartOneIntervalAfterASlowResponse()
    {
        // The first request took 0.3 s to come back: sending the next at 0.5 s (one interval after the first start)
        // could make both arrive at AWS 0.2 s apart. It must wait until 0.8 s.
        var clock = new SettableClock(T0);
        var limiter = new RequestRateLimiter(2, clock);
        await limiter.WaitAsync(CancellationToken.None);
        clock.Now = T0.AddSeconds(0.3);
        limiter.ResponseReceived();

        clock.Now = T0.AddSeconds(0.6);
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
        var limiter = new RequestRateLimiter(2, clock);
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        clock.Now = T0.AddSeconds(0.1);
        limiter.ResponseReceived();

        clock.Now = T0.AddSeconds(0.6);

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
