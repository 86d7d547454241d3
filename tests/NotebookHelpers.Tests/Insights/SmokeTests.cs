using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class SmokeTests
{
    [Fact]
    public void CountsByEventName()
    {
        var r = Run(
            "filter eventName in [\"StopLogging\",\"DeleteTrail\"] | stats count(*) as n by eventName",
            Event("2024-01-01T00:00:00Z", "StopLogging"),
            Event("2024-01-01T00:00:01Z", "DeleteTrail"),
            Event("2024-01-01T00:00:02Z", "StopLogging"),
            Event("2024-01-01T00:00:03Z", "ListBuckets"));
        Assert.Equal(["eventName=DeleteTrail; n=1", "eventName=StopLogging; n=2"], r.Lines());
        Assert.Equal(4, r.Statistics.RecordsScanned);
        Assert.Equal(3, r.Statistics.RecordsMatched);
    }

    [Fact]
    public void DefaultColumnsAreTimestampAndMessage()
    {
        var r = Run("filter eventName = \"A\"", Event("2024-01-01T00:00:00Z", "A"), Event("2024-01-02T00:00:00Z", "B"));
        Assert.Single(r.Rows);
        Assert.Equal("2024-01-01 00:00:00.000", r.Column("@timestamp")[0]);
        Assert.Equal("mem.json@byte 0", r.Column("@ptr")[0]);
    }
}
