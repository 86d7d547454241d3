using System.Text.RegularExpressions;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>An executed notebook holds plotly.js once: in its first chart output, and again where that cell runs again.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class PlotlyJsPerNotebookTests
{
    private const string FirstChart = "display(new NotebookHelpers.Charts.PlotlyFigure(\"first\").Add(NotebookHelpers.Charts.PlotlyTrace.Bar(\"b\", new[] { \"x\" }, new[] { 1 })));";

    [Fact]
    public async Task OnlyTheFirstChartOutputOfEachKernelCarriesPlotlyJsAndARunOfTheSameCellCarriesItAgain()
    {
        using var folder = new TempDirectory();
        var path = Ipynb(folder.Path, "charts",
            Code($"#r \"{LibraryPath}\""),
            Code(FirstChart),
            Code("display(new NotebookHelpers.Charts.PlotlyFigure(\"second\"));\ndisplay(new NotebookHelpers.Charts.PlotlyFigure(\"third\"));"),
            Code(FirstChart));

        // Two runs in one process: each notebook gets its own kernel, so each carries plotly.js itself.
        foreach (var _ in new[] { 1, 2 })
        {
            var cells = (await new NotebookRunner().RunAsync(await NotebookReader.ReadAsync(path))).Document.Cells;

            Assert.Equal([1, 0, 1], cells.Skip(1).Select(c => Loaders(Html(c))));
            Assert.Equal(2, Regex.Matches(Html(cells[2]), "Plotly\\.newPlot").Count);
            Assert.Contains(PlotlyJs.ReadyEvent, Html(cells[2]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AChartOutsideAKernelStandsAlone()
    {
        using var writer = new StringWriter();

        new PlotlyFigure("alone").WriteHtml(writer);

        Assert.StartsWith(PlotlyJs.LoaderStart, writer.ToString(), StringComparison.Ordinal);
    }

    private static string Html(NotebookCell cell) => Text(cell, "text/html");

    private static int Loaders(string html) => Regex.Matches(html, Regex.Escape(PlotlyJs.LoaderStart)).Count;
}
