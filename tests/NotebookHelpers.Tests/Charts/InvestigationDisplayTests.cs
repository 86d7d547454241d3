using NotebookHelpers.Display;
using NotebookHelpers.Investigation;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.Charts;

/// <summary>Investigation results display themselves in a notebook (HTML and text), with attacker strings encoded.</summary>
public sealed class InvestigationDisplayTests
{
    private static readonly Investigator Investigator = new(HostileEvents.Build());

    public static TheoryData<string> Values => ["detections", "investigation", "profile", "blast-radius", "report"];

    [Theory]
    [MemberData(nameof(Values))]
    public void DisplaysAsHtmlWithStylesAndAsText(string which)
    {
        var investigation = Investigator.Investigate(HostileEvents.Key);
        object value = which switch
        {
            "detections" => Investigator.Detections,
            "investigation" => investigation,
            "profile" => investigation.Profile,
            "blast-radius" => investigation.BlastRadius,
            _ => IncidentReportBuilder.Build(Investigator, [investigation], new IncidentReportOptions { IncludeCharts = false }),
        };
        var html = new StringWriter();
        var text = new StringWriter();

        Assert.True(new NotebookFormatter(NotebookFormatter.HtmlMimeType).Format(value, html));
        Assert.True(new NotebookFormatter(NotebookFormatter.PlainTextMimeType).Format(value, text));
        Assert.Contains(".nbh{", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(text.ToString());
        Assert.NotNull(value.GetType().GetCustomAttributes(typeof(TypeFormatterSourceAttribute), inherit: false).SingleOrDefault());
    }
}
