using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Parsing;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class PrefilterTests
{
    private static List<string> Required(string condition) =>
        [.. RequiredFields.Of(((NotebookHelpers.Insights.Ast.FilterCommand)QueryParser.Parse("filter " + condition).Commands[0]).Condition).Select(f => f.Name)];

    [Theory]
    [InlineData("errorCode like /Denied/", "errorCode")]
    [InlineData("a = 1 and b in [1]", "a,b")]
    [InlineData("a = 1 or a > 2 and b = 3", "a")]
    [InlineData("a = 1 or b = 2", "")]
    [InlineData("a != 1", "")]
    [InlineData("not a = 1", "")]
    [InlineData("a not like /x/", "")]
    [InlineData("ispresent(userIdentity.arn) and x =~ /y/", "userIdentity.arn,x")]
    [InlineData("isempty(a)", "")]
    public void AConditionRequiresOnlyFieldsItCannotBeTrueWithout(string condition, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), Required(condition));

    [Fact]
    public void SkippingEventsWithoutTheKeyNeverChangesTheAnswer()
    {
        string[] events =
        [
            Event("2024-01-01T00:00:00Z", "a", "\"errorCode\":\"AccessDenied\""),
            Event("2024-01-01T00:00:01Z", "b", "\"note\":\"mentions errorCode in a value\""),
            Event("2024-01-01T00:00:02Z", "c", "\"err\\u006frCode\":\"AccessDenied\""),
            Event("2024-01-01T00:00:03Z", "d", "\"x\":{\"s3.errorCode\":\"Denied\"}"),
            Event("2024-01-01T00:00:04Z", "e"),
        ];
        var r = Run("filter errorCode like /Denied/ | stats count(*) as n", events);
        Assert.Equal(["2"], r.Column("n"));
        Assert.Equal(5, r.Statistics.RecordsScanned);
        Assert.Equal(2, r.Statistics.RecordsMatched);
        Assert.Equal(["e"], Run("filter errorCode != \"AccessDenied\" and not ispresent(x.s3.errorCode) and not ispresent(note) | fields eventName", events).Column("eventName"));
        Assert.Equal(["1"], Run("fields errorCode as e2 | filter e2 = \"AccessDenied\" | stats count(*) as n", events.Take(2).ToArray()).Column("n"));
    }
}
