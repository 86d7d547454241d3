using System.Diagnostics;
using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>The reports as an analyst opens them (a 1,400 px window) and as an auditor prints them (A4), in headless Chromium.</summary>
public sealed partial class NotebookCollectionTests
{
    // Tables whose box scrolls sideways (a column is off screen), ids and badges that wrap inside ("F/0/0/1",
    // "mediu/m"), and every request the page made that is not the file itself or inline data.
    private const string ProblemsScript = """
        (() => ({
          scrolling: [...document.querySelectorAll('.nbh-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)
            .map(w => [...w.querySelectorAll('th')].map(th => th.textContent).join(' | ')),
          squeezed: [...document.querySelectorAll('.nbh-table code:not(.nbh-break), .nbh-sev')]
            .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 2.6 * parseFloat(getComputedStyle(e).fontSize))
            .map(e => e.textContent),
        }))()
        """;

    [ToolFact("chromium")]
    public async Task NotebookReportsShowEveryColumnAtA1400PxWindowWithIdsWholeAndNoNetwork()
    {
        var folder = Directory.CreateTempSubdirectory("nbh-browser-").FullName;
        await using var browser = await HeadlessChromium.StartAsync();
        foreach (var notebook in new[] { "01-access-key-activity.ipynb", "02-contain.ipynb", "05-blast-radius.ipynb", "06-findings.ipynb" })
        {
            var path = Path.Combine(folder, Path.ChangeExtension(notebook, ".html"));
            await File.WriteAllTextAsync(path, _runs.Report(notebook));
            await browser.OpenAsync(path);

            var problems = await browser.EvaluateAsync(ProblemsScript);

            Assert.True(problems.GetProperty("scrolling").GetArrayLength() == 0, $"{notebook}: tables scroll sideways: {problems.GetProperty("scrolling")}");
            Assert.True(problems.GetProperty("squeezed").GetArrayLength() == 0, $"{notebook}: ids or badges broken across lines: {problems.GetProperty("squeezed")}");
        }

        // 01's "Everything the key did": the columns an analyst reads first are inside the window.
        await browser.OpenAsync(Path.Combine(folder, "01-access-key-activity.html"));
        var edges = await browser.EvaluateAsync("""
            (() => { const table = [...document.querySelectorAll('table.nbh-table')].find(t => t.querySelector('th')?.textContent.startsWith('@timestamp') && t.textContent.includes('userAgent'));
                     return Object.fromEntries([...table.querySelectorAll('th')].map(th => [th.textContent.replace(/ .*$/, ''), Math.round(th.getBoundingClientRect().right)])); })()
            """);
        foreach (var column in new[] { "@timestamp", "eventName", "sourceIPAddress", "userAgent", "errorCode" })
        {
            Assert.InRange(edges.GetProperty(column).GetInt32(), 1, 1400);
        }

        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"a report requested {url}"));
        Directory.Delete(folder, recursive: true);
    }

    // Waits up to 30 s for every chart to be drawn: plotly.js puts an <svg class="main-svg"> into its element.
    private const string ChartsScript = """
        (async () => {
          const state = () => { const charts = [...document.querySelectorAll('.nbh-figure > div')];
                                return { charts: charts.length, drawn: charts.filter(c => c.querySelector('svg.main-svg')).length }; };
          const deadline = Date.now() + 30000;
          let s = state();
          while (s.drawn < s.charts && Date.now() < deadline) { await new Promise(r => setTimeout(r, 100)); s = state(); }
          return s;
        })()
        """;

    // nbconvert's HTML loads require.js and MathJax from a CDN; the test gives it inline stand-ins instead: an AMD
    // `define` as require.js puts on the page (the reason the loader hides `define`), and no MathJax.
    private const string AmdDefine = "data:text/javascript,window.define=function(){};window.define.amd={};window.require=function(){};";

    [ToolFact("chromium", "jupyter-nbconvert")]
    public async Task ExecutedNotebooksHoldPlotlyJsOnceAndDrawEveryChartOfflineInNbconvertsHtmlAndTheNbhReport()
    {
        var folder = Directory.CreateTempSubdirectory("nbh-charts-").FullName;
        await using var browser = await HeadlessChromium.StartAsync();
        var withCharts = _runs.Notebooks.Where(n => _runs.Report(n).Contains(PlotlyHtml.FigureClass, StringComparison.Ordinal)).ToList();
        Assert.True(withCharts.Count >= 5, $"only {withCharts.Count} notebooks draw charts");
        foreach (var notebook in withCharts)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var ipynb = Path.Combine(folder, notebook);
            await File.WriteAllTextAsync(ipynb, IpynbWriter.ToJson(_runs.Result(notebook).Document));
            await NbconvertToHtmlAsync(ipynb, name + ".nbconvert");
            var report = Path.Combine(folder, name + ".nbh.html");
            await File.WriteAllTextAsync(report, _runs.Report(notebook));

            foreach (var page in new[] { Path.Combine(folder, name + ".nbconvert.html"), report })
            {
                await browser.OpenAsync(page);
                var charts = await browser.EvaluateAsync(ChartsScript);

                Assert.True(charts.GetProperty("charts").GetInt32() > 0, $"{page}: no chart");
                Assert.True(charts.GetProperty("drawn").GetInt32() == charts.GetProperty("charts").GetInt32(), $"{page}: {charts} drawn");
            }
        }

        // A chart that runs before the output carrying plotly.js (a front end that renders outputs out of order) waits for it.
        var outOfOrder = Path.Combine(folder, "out-of-order.html");
        await using (var writer = File.CreateText(outOfOrder))
        {
            PlotlyHtml.WriteFigure(writer, new PlotlyFigure("waits").Add(PlotlyTrace.Bar("b", new[] { "x" }, new[] { 1 })), includePlotlyJs: false);
            PlotlyHtml.WriteFigure(writer, new PlotlyFigure("carries").Add(PlotlyTrace.Bar("b", new[] { "y" }, new[] { 2 })), includePlotlyJs: true);
        }

        await browser.OpenAsync(outOfOrder);
        Assert.Equal(2, (await browser.EvaluateAsync(ChartsScript)).GetProperty("drawn").GetInt32());

        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"a page requested {url}"));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task NbconvertToHtmlAsync(string ipynb, string outputName)
    {
        var start = new ProcessStartInfo(ExternalTools.Find("jupyter-nbconvert")!)
        {
            ArgumentList = { "--to", "html", "--output", outputName, $"--HTMLExporter.require_js_url={AmdDefine}", "--HTMLExporter.mathjax_url=data:text/javascript,", ipynb },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"nbconvert failed on {ipynb}: {await error}");
    }

    [ToolFact("chromium")]
    public async Task TheIncidentReportReadsAtA1400PxWindowAndPrintsOnAtMostThirteenA4Pages()
    {
        var folder = Directory.CreateTempSubdirectory("nbh-browser-").FullName;
        var incident = await IncidentCase.OpenAsync("sample", null, null, null, null);
        await incident.Report(new IncidentReportOptions { CaseId = "INC-2025-0311", Analyst = "A. Analyst" }).WriteFilesAsync(folder);
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.OpenAsync(Path.Combine(folder, "incident-report.html"));

        var problems = await browser.EvaluateAsync(ProblemsScript);
        var header = (await browser.EvaluateAsync("document.querySelector('.nbh-case').textContent")).GetString();
        var (_, pages) = await browser.PrintA4Async();

        Assert.True(problems.GetProperty("scrolling").GetArrayLength() == 0, $"tables scroll sideways: {problems.GetProperty("scrolling")}");
        Assert.True(problems.GetProperty("squeezed").GetArrayLength() == 0, $"ids or badges broken across lines: {problems.GetProperty("squeezed")}");
        Assert.Equal("Case INC-2025-0311 · analyst A. Analyst", header);
        Assert.InRange(pages, 1, 13);
        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"the report requested {url}"));
        Directory.Delete(folder, recursive: true);
    }
}
