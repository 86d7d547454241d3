using System.Text.RegularExpressions;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>The report of a notebook that shows hostile evidence, two charts and a failure.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class HtmlReportTests : IClassFixture<HtmlReportTests.Report>
{
    private const string Hostile = "<script>alert(1)</script>";
    private readonly Report _report;

    public HtmlReportTests(Report report)
    {
        _report = report;
    }

    [Fact]
    public void RendersHostileStringsInertlyWhereverTheyAppear()
    {
        var outsidePlotly = _report.Html.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain(Hostile, outsidePlotly, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", outsidePlotly, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", outsidePlotly, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", outsidePlotly, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LoadsNoScriptStylesheetOrImageFromTheNetwork()
    {
        Assert.DoesNotMatch(ExternalResource(), _report.Html);
    }

    [Fact]
    public void InlinesPlotlyJsOnceForAllItsCharts()
    {
        Assert.Single(Regex.Matches(_report.Html, Regex.Escape(PlotlyJs.LoaderStart)));
        Assert.True(_report.Html.IndexOf(PlotlyJs.LoaderStart, StringComparison.Ordinal) < _report.Html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Equal(2, Regex.Matches(_report.Html, "Plotly\\.newPlot\\(el").Count);
    }

    [Fact]
    public void ListsTheFailedCellAtTheTopAndHighlightsIt()
    {
        Assert.Contains("<div class=\"failures\" role=\"alert\"><strong>Failed cells</strong><ul><li><a href=\"#in-7\">cell 7</a>: InvalidOperationException: boom &lt;b&gt;", _report.Html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"cell code failed\"", _report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheParametersWithTheirOrigin()
    {
        Assert.Contains("<tr><td>AccessKeyId</td><td class=\"value\">AKIA&lt;x&gt;</td><td>-p (string)</td></tr>", _report.Html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Limit</td><td class=\"value\">10</td><td>notebook default</td></tr>", _report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTheSameBytesWhenTheSameNotebookRunsAgain()
    {
        Assert.Equal(_report.Html, _report.SecondHtml);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=|<link[^>]*href=[\"']?(https?:)?//|<img[^>]*src=[\"']?(https?:)?//|<iframe|@import|url\\([\"']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    public sealed class Report : IAsyncLifetime
    {
        private readonly TempDirectory _folder = new();

        public string Html { get; private set; } = null!;

        public string SecondHtml { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var path = Ipynb(_folder.Path, "report",
                Markdown("# Report fixture\n\nRaw <script>alert(1)</script> and [a link](javascript:alert(1)) and ![img](https://example.invalid/x.png)"),
                Code("string AccessKeyId = \"AKIADEFAULT\";\nint Limit = 10;", "parameters"),
                Code($"#r \"{LibraryPath}\"\nusing NotebookHelpers.Charts; using NotebookHelpers.Insights;"),
                Code("new QueryResults(QueryStatus.Complete, new[] { \"userAgent\" }, new[] { new[] { new ResultField(\"userAgent\", \"<script>alert(1)</script>\") } }, QueryStatistics.Empty)"),
                Code("Console.WriteLine(\"<img src=x onerror=alert(1)>\");\nKeyUsageChart.Create(new[] { new KeyUsageEvent(DateTimeOffset.UnixEpoch, \"<script>alert(1)</script>\") })"),
                Code("KeyUsageChart.Create(new[] { new KeyUsageEvent(DateTimeOffset.UnixEpoch.AddHours(1), null) }, new KeyUsageChartOptions { AccessKeyId = AccessKeyId })"),
                Code("throw new InvalidOperationException(\"boom <b>\");"));
            var options = new NotebookRunOptions { Parameters = [new("AccessKeyId", "AKIA<x>")], AllowErrors = true };
            Html = HtmlReportWriter.Render(await new NotebookRunner(options).RunAsync(await NotebookReader.ReadAsync(path)));
            SecondHtml = HtmlReportWriter.Render(await new NotebookRunner(options).RunAsync(await NotebookReader.ReadAsync(path)));
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
