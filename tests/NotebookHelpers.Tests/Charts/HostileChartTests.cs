using NotebookHelpers.Charts;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Tests.Charts;

/// <summary>Attacker-chosen strings (names, addresses, user agents, regions) render as text in every chart, never as markup or script.</summary>
public sealed class HostileChartTests
{
    private static readonly Investigator Investigator = new(HostileEvents.Build());
    private static readonly KeyInvestigation Investigation = Investigator.Investigate(HostileEvents.Key);

    [Theory]
    [MemberData(nameof(InvestigationChartTests.Builders), MemberType = typeof(InvestigationChartTests))]
    public void HostileStringsStayInertInTheChartPage(string builder)
    {
        var activity = KeyActivity.From(Investigator, Investigation);

        var figure = InvestigationChartTests.Build(builder, activity, Investigation);
        var page = figure.ToHtmlPage();
        var json = figure.ToJson();

        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script><script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>x</b>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileValuesAreShownEncodedSoPlotlyDrawsThemLiterally()
    {
        var activity = KeyActivity.From(Investigator, Investigation);

        var regions = RegionActivityChart.Create(activity);
        var heat = EventHeatmapChart.Create(activity);
        var blast = BlastRadiusChart.Create(Investigation);

        Assert.Contains(regions.Data.SelectMany(t => t.Y!).Cast<string>(), r => r == "xx-hostile-1&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        Assert.Contains(heat.Data[0].Y!.Cast<string>(), r => r == "List&lt;b&gt;x&lt;/b&gt;&lt;img src=x onerror=alert(2)&gt;");
        Assert.Contains(blast.Data.Where(t => t.Mode == "markers+text").SelectMany(t => t.Text!), t => t!.StartsWith("ops&lt;/script&gt;", StringComparison.Ordinal));
        Assert.Contains("\\u0026lt;script\\u0026gt;", regions.ToJson(), StringComparison.Ordinal);
    }
}
