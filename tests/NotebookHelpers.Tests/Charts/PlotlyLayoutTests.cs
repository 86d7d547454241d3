using System.Text.Json;
using NotebookHelpers.Charts;

namespace NotebookHelpers.Tests.Charts;

public sealed class PlotlyLayoutTests
{
    [Fact]
    public void TheTitleIsPinnedToTheTopLeftOfTheFigureAboveTheLegend()
    {
        using var json = JsonDocument.Parse(new PlotlyFigure("Key usage: AKIA3NWPX4QHZRT7K2MD").ToJson());
        var layout = json.RootElement.GetProperty("layout");
        var title = layout.GetProperty("title");
        var legend = layout.GetProperty("legend");

        Assert.Equal("Key usage: AKIA3NWPX4QHZRT7K2MD", title.GetProperty("text").GetString());
        Assert.Equal("container", title.GetProperty("yref").GetString());
        Assert.Equal("top", title.GetProperty("yanchor").GetString());
        Assert.Equal(1, title.GetProperty("y").GetDouble());
        Assert.Equal("left", title.GetProperty("xanchor").GetString());

        // The legend sits on top of the plot area, in the margin below the title.
        Assert.Equal("bottom", legend.GetProperty("yanchor").GetString());
        Assert.True(legend.GetProperty("y").GetDouble() > 1);
    }

    [Fact]
    public void AFigureWithoutATitleWritesNone()
    {
        var figure = new PlotlyFigure("x") { Title = null };

        using var json = JsonDocument.Parse(figure.ToJson());

        Assert.False(json.RootElement.GetProperty("layout").TryGetProperty("title", out _));
    }
}
