using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Tests.Notebooks;

public class KeyUsageChartTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CountsCallsPerHourSplitBySuccessAndErrorWithEmptyHoursKept()
    {
        var figure = KeyUsageChart.Create(
        [
            new KeyUsageEvent(T0.AddMinutes(5), null),
            new KeyUsageEvent(T0.AddMinutes(50), "AccessDenied"),
            new KeyUsageEvent(T0.AddHours(3).AddMinutes(1), null),
        ], new KeyUsageChartOptions { AccessKeyId = "AKIAEXAMPLE" });

        using var json = JsonDocument.Parse(figure.ToJson());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(KeyUsageChart.SucceededSeries, data[0].GetProperty("name").GetString());
        Assert.Equal("[1,0,0,1]", data[0].GetProperty("y").GetRawText());
        Assert.Equal("[1,0,0,0]", data[1].GetProperty("y").GetRawText());
        Assert.Equal("2024-05-01 12:00:00", data[0].GetProperty("x")[2].GetString());
        Assert.Equal("stack", json.RootElement.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Equal(
            "AKIAEXAMPLE: 3 calls in 2 hours with activity between 2024-05-01T10:05Z and 2024-05-01T13:01Z; 2 succeeded, 1 failed (AccessDenied 1).",
            figure.Summary);
    }

    [Fact]
    public void ReadsCountsFromAStatsQueryResult()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["hour", "errorCode", "events"],
            [
                [new ResultField("hour", "2024-05-01 10:00:00.000"), new ResultField("events", "40")],
                [new ResultField("hour", "2024-05-01 11:00:00.000"), new ResultField("errorCode", "Client.UnauthorizedOperation"), new ResultField("events", "7")],
            ],
            QueryStatistics.Empty);

        var figure = KeyUsageChart.FromQueryResults(results);

        using var json = JsonDocument.Parse(figure.ToJson());
        Assert.Equal("[40,0]", json.RootElement.GetProperty("data")[0].GetProperty("y").GetRawText());
        Assert.Equal("[0,7]", json.RootElement.GetProperty("data")[1].GetProperty("y").GetRawText());
    }

    [Fact]
    public void ReadsOneRowPerEventWhenThereIsNoCount()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["@timestamp", "errorCode"],
            [
                [new ResultField("@timestamp", "2024-05-01 10:00:01.000")],
                [new ResultField("@timestamp", "2024-05-01 10:59:59.999"), new ResultField("errorCode", "AccessDenied")],
            ],
            QueryStatistics.Empty);

        Assert.Contains("2 calls in 1 hour with activity", KeyUsageChart.FromQueryResults(results).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheRowWithoutATime()
    {
        var results = new QueryResults(QueryStatus.Complete, ["n"], [[new ResultField("n", "1")]], QueryStatistics.Empty);

        var e = Assert.Throws<ArgumentException>(() => KeyUsageChart.FromQueryResults(results));

        Assert.StartsWith("Row 1 of the query results has none of the time fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksContainmentWithALineAndAnEncodedLabel()
    {
        var figure = KeyUsageChart.Create([new KeyUsageEvent(T0, null)], new KeyUsageChartOptions
        {
            Markers = [new TimeMarker(T0.AddHours(1), "key disabled <by defender>")],
        });

        Assert.Single(figure.Layout.Shapes);
        Assert.Equal("key disabled &lt;by defender&gt;", figure.Layout.Annotations[0].Text);
    }

    [Fact]
    public void MakesMarkersFromQueryRowsLabelledByTheirFields()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["@timestamp", "eventName", "requestParameters.status"],
            [
                [new ResultField("@timestamp", "2025-03-11 11:58:41.000"), new ResultField("eventName", "UpdateAccessKey"), new ResultField("requestParameters.status", "Inactive")],
                [new ResultField("@timestamp", "2025-03-12 08:00:00.000"), new ResultField("eventName", "DeleteAccessKey")],
            ],
            QueryStatistics.Empty);

        var markers = TimeMarker.FromQueryResults(results, "eventName", "requestParameters.status");

        Assert.Equal(
            [
                new TimeMarker(new DateTimeOffset(2025, 3, 11, 11, 58, 41, TimeSpan.Zero), "UpdateAccessKey Inactive"),
                new TimeMarker(new DateTimeOffset(2025, 3, 12, 8, 0, 0, TimeSpan.Zero), "DeleteAccessKey"),
            ],
            markers);
    }

    [Fact]
    public void SaysSoWhenTheKeyWasNotUsed()
    {
        var figure = KeyUsageChart.Create([], new KeyUsageChartOptions { AccessKeyId = "AKIAEXAMPLE" });

        Assert.Equal("AKIAEXAMPLE: no calls in the range.", figure.Summary);
        Assert.Contains("Chart: Key usage: AKIAEXAMPLE", figure.ToString(), StringComparison.Ordinal);
    }
}
