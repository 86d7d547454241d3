using System.Text;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Tests.Hostile;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// Burst rules over many events at one instant: the window's condition is kept up to date as events come and go, so
/// each event costs a constant amount of work (issue 11: 40,000 calls in one second took 30 times the CPU of the same
/// calls spread out, 214,000 events at 29 distinct times did not finish).
/// </summary>
public sealed class BurstTrackerTests
{
    [Fact]
    public void EachEventLooksAtItsDistinctValueAtMostTwiceHoweverManyShareTheWindow()
    {
        var calls = 0;
        var tracker = new BurstTracker(TimeSpan.FromMinutes(10), threshold: 3, distinctBy: e => { calls++; return e.EventName; });
        var same = Event("2025-03-10T09:00:00Z", "ListUsers", 0);
        const int Count = 20_000;

        for (var i = 0; i < Count; i++)
        {
            Assert.Null(tracker.Add("k", same, _ => "burst"));
        }

        Assert.InRange(calls, Count, 2 * Count);
    }

    [Fact]
    public void ReportsTheBurstWhenTheDistinctValuesReachTheThresholdAndForgetsEventsThatLeftTheWindow()
    {
        var tracker = new BurstTracker(TimeSpan.FromMinutes(10), threshold: 3, distinctBy: e => e.EventName);

        Assert.Null(tracker.Add("k", Event("2025-03-10T09:00:00Z", "ListUsers", 1), _ => "burst"));
        Assert.Null(tracker.Add("k", Event("2025-03-10T09:00:01Z", "ListRoles", 2), _ => "burst"));
        Assert.Null(tracker.Add("k", Event("2025-03-10T09:11:00Z", "ListBuckets", 3), _ => "burst"));
        Assert.Null(tracker.Add("other", Event("2025-03-10T09:11:01Z", "ListKeys", 4), _ => "burst"));
        Assert.Null(tracker.Add("k", Event("2025-03-10T09:11:02Z", "ListBuckets", 5), _ => "burst"));
        var match = tracker.Add("k", Event("2025-03-10T09:11:03Z", "ListRoles", 6), w => $"{w.Count} calls");
        Assert.Null(match);
        match = tracker.Add("k", Event("2025-03-10T09:11:04Z", "GetUser", 7), w => $"{w.Count} calls");

        Assert.NotNull(match);
        Assert.Equal("4 calls", match.Summary);
        Assert.Equal(4, match.Related!.Count);
    }

    [Fact]
    public void FortyThousandDiscoveryCallsInOneSecondAreOneFinding()
    {
        var events = Enumerable.Range(0, 40_000).Select(i => Event("2025-03-10T09:00:00Z", ((string[])["ListUsers", "ListRoles"])[i % 2], i)).ToList();

        var result = DetectionRunner.Run(events);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "recon-discovery-burst");
        var more = events.Concat(Enumerable.Range(0, 8).Select(i => Event("2025-03-10T09:00:00Z", "Describe" + i, 50_000 + i))).ToList();
        Assert.Single(DetectionRunner.Run(more).Findings, f => f.RuleId == "recon-discovery-burst");
    }

    private static CloudTrailEvent Event(string time, string name, int id)
    {
        var json = Encoding.UTF8.GetString(HostileRecords.Record(time, "eventName", name, "AKIAMANYEVENTS000001", eventId: "e" + id));
        return CloudTrailEvent.Parse(json.Replace("\"errorCode\":\"AccessDenied\",\"errorMessage\":\"denied\",", "", StringComparison.Ordinal));
    }
}
