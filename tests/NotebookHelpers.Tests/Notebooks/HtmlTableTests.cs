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
    public void AWideQueryResultKeepsEveryColumnOnScreenAndCutsTheSecondaryOnesFirst()
    {
        // The shape of notebook 01's "Everything the key did": eight columns, user agents of 80 characters.
        string?[] row =
        [
            "2025-03-11 09:16:05.000", "ap-southeast-2", "organizations.amazonaws.com", "GetAccountAuthorizationDetails",
            "arn:aws:iam::739154086213:user/svc-reporting", "203.0.113.47",
            "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#5.15.0-97-generic md/arch#x86_64 lang/python#3.10.12", "Client.UnauthorizedOperation",
        ];
        var table = new HtmlTable(
            ["@timestamp", "awsRegion", "eventSource", "eventName", "userIdentity.arn", "sourceIPAddress", "userAgent", "errorCode"], [row])
        {
            SecondaryColumns = ["eventSource", "userIdentity.arn", "userAgent"],
        };

        var html = Html(table);

        Assert.Contains("<table class=\"nbh-table nbh-fit\"><colgroup>", html, StringComparison.Ordinal);
        Assert.Equal(8, CountOccurrences(html, "<col style=\"width:"));
        foreach (var whole in new[] { "2025-03-11 09:16:05.000", "ap-southeast-2", "GetAccountAuthorizationDetails", "203.0.113.47", "Client.UnauthorizedOperation" })
        {
            Assert.Contains($"<td>{whole}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<td class=\"nbh-cut\" title=\"{row[6]}\">{row[6]}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nbh-cut\" title=\"arn:aws:iam::739154086213:user/svc-reporting\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryResultsNameUserAgentsAndArnsSecondaryButNotTheResponseFieldsAQueryAsksFor()
    {
        var results = new QueryResults(QueryStatus.Complete, ["eventName", "userAgent", "userIdentity.arn", "responseElements.accessKey.accessKeyId"], [], QueryStatistics.Empty);

        Assert.Equal(["userAgent", "userIdentity.arn"], results.ToHtmlTable().SecondaryColumns);
    }

    [Fact]
    public void ColumnLayoutFitsTheBudgetAndLeavesShortColumnsWhole()
    {
        var layout = ColumnLayout.Fit([23, 14, 27, 30, 45, 15, 100, 28], [false, false, true, false, true, false, true, false], [false, false, false, false, false, false, false, false]);

        var widths = layout.Widths!;
        Assert.True(layout.Fitted);
        Assert.True(widths.Sum() + (8 * ColumnLayout.PaddingChars) <= ColumnLayout.BudgetChars);
        Assert.Equal([23, 14, 30, 15, 28], new[] { 0, 1, 3, 5, 7 }.Select(i => widths[i]));
        Assert.All(new[] { 2, 4, 6 }, i => Assert.InRange(widths[i], ColumnLayout.FloorChars, 27));
        Assert.Equal(100.0, Enumerable.Range(0, 8).Sum(i => double.Parse(layout.Percent(i).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)), 0.5);
    }

    [Fact]
    public void ATableThatFitsKeepsItsNaturalWidthsAndProseColumnsWrapWhenItDoesNot()
    {
        Assert.DoesNotContain("<colgroup>", Html(new HtmlTable(["ip", "calls"], [["203.0.113.7", "10"]])), StringComparison.Ordinal);

        var why = string.Join(' ', Enumerable.Repeat("the attacker created this user and it still has a key", 4));
        var html = Html(new HtmlTable(["to do", "why", "AWS CLI"], [["Delete user svc-backup-sync", why, "aws iam delete-user --user-name svc-backup-sync " + new string('x', 120)]])
        {
            WrapColumns = ["to do", "why", "AWS CLI"],
        });

        Assert.Contains($"<td class=\"nbh-wrap\">{why}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nbh-cut", html.Replace(".nbh-cut", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyTableIsNotDrawnButSaysNone()
    {
        var table = new HtmlTable(["rule", "severity"], []) { Title = "Findings outside the blast radius" };

        var html = Html(table);

        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"nbh-none\">none</div>", html, StringComparison.Ordinal);
        Assert.EndsWith("none" + Environment.NewLine, table.ToString(), StringComparison.Ordinal);
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
