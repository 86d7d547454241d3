using System.Reflection;
using NotebookHelpers.Detections;
using NotebookHelpers.Display;
using NotebookHelpers.Html;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>Investigation results display themselves in notebooks through the library's formatter source.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData(typeof(DetectionResult))]
    [InlineData(typeof(AccessKeyProfile))]
    [InlineData(typeof(BlastRadiusGraph))]
    [InlineData(typeof(KeyInvestigation))]
    public void ResultTypesNameTheNotebookFormatterSource(Type type)
    {
        var attribute = type.GetCustomAttribute<TypeFormatterSourceAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal(typeof(NotebookFormatterSource), attribute.FormatterSourceType);
        Assert.True(typeof(IHtmlRenderable).IsAssignableFrom(type));
    }

    [Fact]
    public void InvestigationWritesEncodedHtmlAndPlainText()
    {
        var investigation = new Investigator(LeakedKeyScenario.Build().Events).Investigate(LeakedKeyScenario.LeakedKey);
        var html = new StringWriter();
        var text = new StringWriter();

        ((IHtmlRenderable)investigation).WriteHtml(html);
        ((IHtmlRenderable)investigation).WritePlainText(text);

        Assert.Contains("nbh-investigation", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("Blast radius", text.ToString(), StringComparison.Ordinal);
    }
}
