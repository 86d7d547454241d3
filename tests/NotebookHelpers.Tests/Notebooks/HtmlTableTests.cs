using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Tests.Notebooks;

public class HtmlTableTests
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void RendersAHostileCellAsText()
    {
        var html = Html(new HtmlTable(["userAgent"], [[Hostile]]) { Title = "<b>t</b>" });

        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>t</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CarriesItsOwnSortScriptAndNoExternalReference()
    {
        var html = Html(new HtmlTable(["a"], [["1"]]));

        Assert.Contains("window.nbhSortTable", html, StringComparison.Ordinal);
        Assert.Contains("onclick=\"nbhSortTable(this)\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void StatesTheRowCountAndHowManyRowsItShows()
    {
        var rows = Enumerable.Range(0, 12).Select(i => (IReadOnlyList<string?>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var table = new HtmlTable(["n"], rows) { MaxRows = 5 };

        var html = Html(table);

        Assert.Equal("12 rows · 1 column · showing the first 5", table.Caption);
        Assert.Equal(5, CountOccurrences(html, "<tr><td>"));
    }

    [Fact]
    public void MarksAbsentCellsApartFromEmptyOnes()
    {
        var html = Html(new HtmlTable(["a", "b"], [[null, ""]]));

        Assert.Contains("<td class=\"nbh-absent\" data-sort=\"\"></td><td></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AlignsPlainTextColumnsAndTruncatesLongCells()
    {
        var table = new HtmlTable(["ip", "n"], [["203.0.113.7", "10"], [new string('x', 80), "2"]]);

        var lines = table.ToString().Split('\n');

        Assert.Equal("2 rows · 2 columns", lines[0]);
        Assert.StartsWith("ip ", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[1].IndexOf('n', StringComparison.Ordinal), lines[3].IndexOf("10", StringComparison.Ordinal));
        Assert.Contains("…", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void QueryResultsBecomeATableWithStatisticsAndWarnings()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["sourceIPAddress", "n"],
            [
                [new ResultField("sourceIPAddress", "198.51.100.23"), new ResultField("n", "42")],
                [new ResultField("n", "3"), new ResultField("late", "x")],
            ],
            new QueryStatistics(45, 1000, 123456),
            ["2 files skipped"]);

        var table = results.ToHtmlTable();

        Assert.Equal(["sourceIPAddress", "n", "late"], table.Columns);
        Assert.Equal([null, "3", "x"], table.Rows[1]);
        Assert.Contains("45 records matched", table.Caption, StringComparison.Ordinal);
        Assert.Contains("1,000 scanned", table.Caption, StringComparison.Ordinal);
        Assert.Equal(["2 files skipped"], table.Warnings);
    }

    [Fact]
    public void LeavesOutThePointerColumnUnlessAsked()
    {
        var results = new QueryResults(
            QueryStatus.Complete,
            ["eventName", "@ptr"],
            [[new ResultField("eventName", "GetCallerIdentity"), new ResultField("@ptr", "/evidence/a.json.gz@byte 10")]],
            QueryStatistics.Empty);

        Assert.Equal(["eventName"], results.ToHtmlTable().Columns);
        Assert.Equal(["GetCallerIdentity"], results.ToHtmlTable().Rows[0]);
        Assert.Equal(["eventName", "@ptr"], results.ToHtmlTable(includePointer: true).Columns);
    }

    [Fact]
    public void LibraryTypesDeclareTheirFormatterByTheNameDotNetInteractiveLooksFor()
    {
        foreach (var type in new[] { typeof(QueryResults), typeof(HtmlTable), typeof(NotebookHelpers.Charts.PlotlyFigure), typeof(ProgressDisplay) })
        {
            var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            Assert.Equal(typeof(NotebookFormatterSource), attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute));
        }

        var formatters = new NotebookFormatterSource().CreateTypeFormatters().Cast<NotebookFormatter>().ToList();
        Assert.Equal(["text/html", "text/plain"], formatters.Select(f => f.MimeType));
        using var writer = new StringWriter();
        Assert.False(formatters[0].Format(42, writer));
    }

    private static string Html(IHtmlRenderable renderable)
    {
        using var writer = new StringWriter();
        renderable.WriteHtml(writer);
        return writer.ToString();
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
