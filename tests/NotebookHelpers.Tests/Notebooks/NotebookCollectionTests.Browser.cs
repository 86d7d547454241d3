using System.Text.Json;
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

    [ToolFact("chromium")]
    public async Task TheIncidentReportReadsAtA1400PxWindowAndPrintsOnAtMostFourteenA4Pages()
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
        Assert.InRange(pages, 1, 14);
        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"the report requested {url}"));
        Directory.Delete(folder, recursive: true);
    }
}
