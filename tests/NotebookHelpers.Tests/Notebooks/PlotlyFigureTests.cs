using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Charts;

namespace NotebookHelpers.Tests.Notebooks;

public class PlotlyFigureTests
{
    [Fact]
    public void EmbedsExactlyPlotlyJs2280()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PlotlyJs.Source)));

        Assert.Equal("f33191858012cf263ca873b819c5e7405538183fe3d0e1a6d7b3e577867bcc37", hash);
        Assert.DoesNotContain("</script", PlotlyJs.Source, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AStringFromEvidenceCannotCloseTheScriptItIsEmbeddedIn()
    {
        var figure = new PlotlyFigure("</script><script>alert(1)</script>")
            .Add(PlotlyTrace.Bar("'</SCRIPT>", new[] { "<img src=x onerror=alert(1)>" }, new[] { 1 }));

        var html = Html(figure, withPlotly: false);

        Assert.DoesNotContain("</script><script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Count(html, "</script>"));
        using var json = JsonDocument.Parse(figure.ToJson());
        Assert.Equal("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", json.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void WritesDatesAsUtcTextPlotlyReadsWithoutShiftingTimeZones()
    {
        var figure = new PlotlyFigure().Add(PlotlyTrace.Bar("calls", new[] { new DateTimeOffset(2024, 5, 1, 15, 30, 0, TimeSpan.FromHours(2)) }, new[] { 3 }));

        using var json = JsonDocument.Parse(figure.ToJson());

        Assert.Equal("2024-05-01 13:30:00", json.RootElement.GetProperty("data")[0].GetProperty("x")[0].GetString());
    }

    [Fact]
    public void RefusesTraceTypesThatLoadMapsFromTheInternet()
    {
        var e = Assert.Throws<ArgumentException>(() => new PlotlyFigure().Add(new PlotlyTrace("scattergeo")));

        Assert.Contains("cannot draw offline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsExtraAttributesUnderTheirPlotlyNames()
    {
        var figure = new PlotlyFigure().Add(PlotlyTrace.Lines("l", new[] { 1 }, new[] { 2 }).With("fill", "tozeroy"));
        figure.Layout.Extra["bargap"] = 0.1;

        using var json = JsonDocument.Parse(figure.ToJson());

        Assert.Equal("tozeroy", json.RootElement.GetProperty("data")[0].GetProperty("fill").GetString());
        Assert.Equal(0.1, json.RootElement.GetProperty("layout").GetProperty("bargap").GetDouble());
        Assert.False(json.RootElement.GetProperty("config").GetProperty("displaylogo").GetBoolean());
    }

    [Fact]
    public void AStandaloneOutputCarriesTheGuardedLoaderAndNoUrl()
    {
        var html = Html(new PlotlyFigure("t").Add(PlotlyTrace.Bar("b", new[] { "x" }, new[] { 1 })), withPlotly: true);

        Assert.StartsWith(PlotlyJs.LoaderStart + "(function(){if(window.Plotly)return;var d=window.define;window.define=undefined;", html, StringComparison.Ordinal);
        var outsidePlotly = html.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", outsidePlotly, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", outsidePlotly, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovesEveryLoaderSoAPageCanIncludePlotlyOnce()
    {
        var one = Html(new PlotlyFigure("a"), withPlotly: true);
        var two = Html(new PlotlyFigure("b"), withPlotly: true);

        var page = PlotlyJs.RemoveLoaders("<p>x</p>" + one + "<p>y</p>" + two, out var removed);

        Assert.True(removed);
        Assert.DoesNotContain(PlotlyJs.LoaderStart, page, StringComparison.Ordinal);
        Assert.StartsWith("<p>x</p><div class=\"nbh nbh-figure\">", page, StringComparison.Ordinal);
        Assert.Equal(2, Count(page, "Plotly.newPlot"));
        Assert.Equal("<p>nothing</p>", PlotlyJs.RemoveLoaders("<p>nothing</p>", out var none));
        Assert.False(none);
    }

    [Fact]
    public void GivesTheSameFigureTheSameElementIdOnEveryRun()
    {
        static string Id(string html) => html[(html.IndexOf("id=\"", StringComparison.Ordinal) + 4)..].Split('"')[0];
        var figure = new PlotlyFigure("stable").Add(PlotlyTrace.Bar("b", new[] { "x" }, new[] { 7 }));

        var first = Id(Html(figure, withPlotly: false));

        Assert.Matches("^nbh-plot-[0-9a-f]{16}$", first);
        Assert.Equal(first, Id(Html(figure, withPlotly: false)));
    }

    private static string Html(PlotlyFigure figure, bool withPlotly)
    {
        using var writer = new StringWriter();
        PlotlyHtml.WriteFigure(writer, figure, withPlotly);
        return writer.ToString();
    }

    private static int Count(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.OrdinalIgnoreCase).Length) / value.Length;
}
