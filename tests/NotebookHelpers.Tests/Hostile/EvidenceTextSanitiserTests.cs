using System.Text;
using NotebookHelpers.Charts;
using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// One sanitiser per medium for evidence text: terminal (<see cref="TerminalText"/>), HTML and chart labels
/// (<see cref="HtmlText"/>, <see cref="PlotlyText"/>), CSV (<see cref="CsvText"/>); and <c>nbh query</c> goes through
/// them like every other command.
/// </summary>
public sealed class EvidenceTextSanitiserTests
{
    // Clear screen, a window title ended by BEL, an OSC 8 hyperlink, an 8-bit CSI and a right-to-left override.
    private const string Hostile = "x\u001b[2J\u001b]0;owned\u0007\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007\u009b31m evil\u202Efdp.exe\u2066";

    [Fact]
    public void TheTerminalSanitiserLeavesNoControlOrReorderingCharacter()
    {
        foreach (var safe in new[] { TerminalText.Safe(Hostile), TerminalText.OneLine(Hostile + "\nline"), NotebookHelpers.Investigation.Rendering.TextTable.Clean(Hostile) })
        {
            Assert.DoesNotContain(safe, c => char.IsControl(c) || c is '\u202E' or '\u2066');
            Assert.Contains("owned", safe, StringComparison.Ordinal);
            Assert.Contains("evil\uFFFDfdp.exe", safe, StringComparison.Ordinal);
        }

        Assert.Equal("plain caf\u00e9 \u05e9\u05dc\u05d5\u05dd", TerminalText.Safe("plain caf\u00e9 \u05e9\u05dc\u05d5\u05dd"));
    }

    [Fact]
    public void HtmlAndChartLabelsEncodeMarkupAndNeutraliseReordering()
    {
        foreach (var html in new[] { HtmlText.Encode(Hostile + "<b>"), PlotlyText.Encode(Hostile + "<b>") })
        {
            Assert.DoesNotContain(html, c => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\u202E' or '\u2066' or '<');
            Assert.Contains("evil\uFFFDfdp.exe", html, StringComparison.Ordinal);
            Assert.EndsWith("&lt;b&gt;", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("@ptr", "@ptr")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("report\u202Efdp.exe", "report\uFFFDfdp.exe")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("ListUsers", "ListUsers")]
    public void CsvCellsAreQuotedAndDefused(string value, string expected)
    {
        Assert.Equal(expected, CsvText.Cell(value));
    }

    [Fact]
    public async Task QueryPrintsNoEscapeSequenceAndItsCsvDefusesFormulas()
    {
        using var dir = new TempDirectory();
        var records = new[]
        {
            HostileRecords.Record("2025-03-10T09:00:00Z", "userAgent", Hostile, eventId: "a"),
            HostileRecords.Record("2025-03-10T09:00:01Z", "userAgent", "=cmd|' /C calc'!A0", eventId: "b"),
        };
        var path = dir.Write("evidence.json", "{\"Records\":[" + string.Join(",", records.Select(r => Encoding.UTF8.GetString(r))) + "]}");

        var table = await Cli.Run("query", "--logs", path, "fields userAgent | sort @timestamp asc");
        var csv = await Cli.Run("query", "--logs", path, "--format", "csv", "fields userAgent | sort @timestamp asc");

        Assert.Equal(0, table.Exit);
        Assert.DoesNotContain(table.Stdout + table.Stderr, c => (char.IsControl(c) && c != '\n') || c is '\u202E' or '\u2066');
        Assert.Contains("evil\uFFFDfdp.exe", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, csv.Exit);
        Assert.StartsWith("userAgent,@ptr\n", csv.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n'=cmd|' /C calc'!A0,", csv.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(csv.Stdout, c => (char.IsControl(c) && c is not ('\r' or '\n')) || c is '\u202E');
        Assert.Contains("evil\uFFFDfdp.exe", csv.Stdout, StringComparison.Ordinal);
    }
}
