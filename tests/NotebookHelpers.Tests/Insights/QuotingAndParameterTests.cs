using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Parsing;
using static NotebookHelpers.Tests.Insights.InsightsFixture;
using Q = NotebookHelpers.Insights.Insights;

namespace NotebookHelpers.Tests.Insights;

public class QuotingAndParameterTests
{
    public static TheoryData<string> Hostile() =>
    [
        "plain",
        "",
        "with \"double\" and 'single' quotes",
        "back\\slash\\",
        "ends with backslash \\",
        "line1\nline2\r\n",
        "pipe | filter 1 = 1",
        "hash # not a comment",
        "regex .*+?()[]{}^$ /slash/",
        "\" | stats count(*) #",
        "unicode é 😀 \t tab",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void QuoteProducesALiteralWhoseValueIsExactlyTheInput(string value)
    {
        var query = QueryParser.Parse($"filter x = {Q.Quote(value)} | limit 1");
        Assert.Equal(2, query.Commands.Count);
        var literal = (ConstantExpression)((BinaryExpression)((FilterCommand)query.Commands[0]).Condition).Right;
        Assert.Equal(value, literal.Value.RawText);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void QuotedValuesMatchOnlyThemselves(string value)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { eventTime = "2024-01-01T00:00:00Z", x = value });
        var other = System.Text.Json.JsonSerializer.Serialize(new { eventTime = "2024-01-01T00:00:00Z", x = value + "!" });
        Assert.Equal(["1"], Run($"filter x = {Q.Quote(value)} | stats count(*) as n", json, other).Column("n"));
        var substringMatches = value.Length == 0 ? "2" : "1";   // every string contains the empty string
        Assert.Equal([substringMatches], Run($"filter x like {Q.Quote(value)} | stats count(*) as n", json, "{\"x\":\"other\"}").Column("n"));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task BoundParametersMatchExactlyOfflineAndRenderSafelyForAws(string value)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { eventTime = "2024-01-01T00:00:00Z", x = value });
        var query = InsightsQuery.Parse("filter x = $v | stats count(*) as n").Bind("v", value);
        var records = Records(json, "{\"x\":\"zzz\"}");
        Assert.Equal(["1"], (await OfflineQueryRunner.FromRecords(records).RunAsync(query, NotebookHelpers.Evidence.TimeRange.All)).Column("n"));
        var text = query.ToString();
        var reparsed = QueryParser.Parse(text);
        Assert.Equal(2, reparsed.Commands.Count);
        Assert.Equal(value, ((ConstantExpression)((BinaryExpression)((FilterCommand)reparsed.Commands[0]).Condition).Right).Value.RawText);
    }

    [Fact]
    public void ListsNumbersAndReuseBindAsExpected()
    {
        var q = InsightsQuery.Parse("filter eventName in $names and status = $code or userIdentity.accessKeyId = $key or responseElements.credentials.accessKeyId = $key")
            .Bind("names", new[] { "CreateUser", "Create\"Role" })
            .Bind("code", 403)
            .Bind("$key", "AKIA1");
        Assert.Equal(
            "filter eventName in [\"CreateUser\", \"Create\\\"Role\"] and status = 403 or userIdentity.accessKeyId = \"AKIA1\" or responseElements.credentials.accessKeyId = \"AKIA1\"",
            q.ToString());
        Assert.Equal(["names", "code", "key"], q.Parameters);
    }

    [Fact]
    public void UnboundOrUnknownParametersAreReportedClearly()
    {
        var q = InsightsQuery.Parse("filter a = $a and b = $b").Bind("a", "x");
        var e = Assert.Throws<InsightsQueryException>(() => OfflineQueryRunner.Validate(q));
        Assert.Contains("the parameter $b has no value", e.Message, StringComparison.Ordinal);
        Assert.Equal(23, e.Column);
        var unknown = Assert.Throws<ArgumentException>(() => q.Bind("c", 1));
        Assert.Contains("has no parameter $c", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => q.Bind("b", null));
    }

    [Theory]
    [InlineData("eventName", "eventName")]
    [InlineData("userIdentity.arn", "userIdentity.arn")]
    [InlineData("@timestamp", "@timestamp")]
    [InlineData("detail-type", "`detail-type`")]
    [InlineData("aws:tag", "`aws:tag`")]
    public void QuoteFieldAddsBackticksOnlyWhenNeeded(string name, string expected)
    {
        Assert.Equal(expected, Q.QuoteField(name));
        Assert.Throws<ArgumentException>(() => Q.QuoteField("a`b"));
    }
}
