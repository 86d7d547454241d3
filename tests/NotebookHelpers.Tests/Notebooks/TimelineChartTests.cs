using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Tests.Notebooks;

public class TimelineChartTests
{
    [Fact]
    public void StacksAStatsByBinResultBySeries()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["day", "eventCategory", "events"],
            [
                [new ResultField("day", "2025-03-07 00:00:00.000"), new ResultField("eventCategory", "Management"), new ResultField("events", "10")],
                [new ResultField("day", "2025-03-09 00:00:00.000"), new ResultField("eventCategory", "Data"), new ResultField("events", "4")],
                [new ResultField("day", "2025-03-09 00:00:00.000"), new ResultField("events", "1")],
            ],
            QueryStatistics.Empty);

        var figure = TimelineChart.FromQueryResults(results, "day", "events", "eventCategory", TimeSpan.FromDays(1), "per day");

        using var json = JsonDocument.Parse(figure.ToJson());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(["Management", "Data", "(none)"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("[10,0,0]", data[0].GetProperty("y").GetRawText());
        Assert.Equal("[0,0,4]", data[1].GetProperty("y").GetRawText());
        Assert.Equal(86_400_000, data[0].GetProperty("xperiod").GetDouble());
        Assert.Equal("15 events in 3 buckets; Management 10, Data 4, (none) 1.", figure.Summary);
    }

    [Fact]
    public void NamesTheRowAndFieldThatIsMissing()
    {
        var results = new QueryResults(QueryStatus.Complete, ["day"], [[new ResultField("day", "2025-03-07 00:00:00.000")]], QueryStatistics.Empty);

        var e = Assert.Throws<ArgumentException>(() => TimelineChart.FromQueryResults(results, "day", "events", null, TimeSpan.FromDays(1), "t"));

        Assert.StartsWith("Row 1 has no 'events' field.", e.Message, StringComparison.Ordinal);
    }
}
