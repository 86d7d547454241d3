using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>Opening a case on a live source (Logs Insights through the loopback fake): what the source reports is kept.</summary>
[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class IncidentCaseLiveSourceTests
{
    [Fact]
    public async Task KeepsEveryProblemTheSourceReportedWhereverProgressCallbacksWouldBePosted()
    {
        var t0 = new DateTimeOffset(2023, 11, 5, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var logs = new FakeLogsInsights(Enumerable.Range(0, 3).Select(i => (t0 + i,
            $$"""{"eventVersion":"1.08","eventTime":"{{DateTimeOffset.FromUnixTimeSeconds(t0 + i):yyyy-MM-ddTHH:mm:ssZ}}","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","eventID":"e{{i}}"}"""))
            .Append((t0 + 5, "not json at all")), pollsBeforeComplete: 1);
        await using var server = await FakeAwsServer.StartAsync(logs.Handle);
        using var environment = EnvironmentScope.ForServer(server);

        // A caller's context that runs posted callbacks later (a UI or notebook thread): the case must not depend on it.
        var held = new HeldPostsContext();
        var previous = SynchronizationContext.Current;
        Task<IncidentCase> opening;
        SynchronizationContext.SetSynchronizationContext(held);
        try
        {
            opening = IncidentCase.OpenAsync("cwl:CloudTrail/logs", start: "2023-11-05T09:00:00Z", end: "2023-11-05T11:00:00Z");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var incident = await opening;

        Assert.Equal(3, incident.Events.Count);
        Assert.Contains(incident.Problems, p => p.Contains("1 of 4 rows were not CloudTrail events", StringComparison.Ordinal));
    }

    private sealed class HeldPostsContext : SynchronizationContext
    {
        private readonly List<(SendOrPostCallback Callback, object? State)> _held = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_held)
            {
                _held.Add((d, state));
            }
        }
    }
}
