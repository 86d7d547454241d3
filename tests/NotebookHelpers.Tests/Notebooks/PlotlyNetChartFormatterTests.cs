using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Formatting;
using Plotly.NET;

namespace NotebookHelpers.Tests.Notebooks;

public class PlotlyNetChartFormatterTests
{
    [Fact]
    public void RendersAPlotlyNetChartOfflineWithItsStringsEscaped()
    {
        var trace = new Trace2D("bar");
        trace.SetProperty("x", new[] { "</script><script>alert(1)</script>" });
        trace.SetProperty("y", new[] { 3 });
        var chart = GenericChart.ofTraceObject(true, trace);

        using var writer = new StringWriter();
        PlotlyNetChartFormatter.Write(chart, writer);
        var html = writer.ToString();

        Assert.StartsWith(PlotlyJs.LoaderStart, html, StringComparison.Ordinal);
        var outside = html.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", outside, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)", outside, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", outside, StringComparison.Ordinal);
    }
}
