using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Parsing;

namespace NotebookHelpers.Tests.Insights;

public class QueryParserTests
{
    [Fact]
    public void KeywordsAndCommandWordsAreCaseInsensitive()
    {
        var q = QueryParser.Parse("FIELDS @message | FILTER loggingType IN [\"ERROR\"] AND x LIKE /a/ | STATS COUNT(*) BY bin(5m) | SORT x DESC | LIMIT 5");
        Assert.Collection(
            q.Commands,
            c => Assert.IsType<FieldsCommand>(c),
            c => Assert.IsType<FilterCommand>(c),
            c => Assert.IsType<StatsCommand>(c),
            c => Assert.True(Assert.IsType<SortCommand>(c).Keys[0].Descending),
            c => Assert.Equal(5, Assert.IsType<LimitCommand>(c).Count));
    }

    [Fact]
    public void CommentsRunToTheEndOfTheLineOutsideStrings()
    {
        var q = QueryParser.Parse("fields @timestamp, @message\n    # | filter @message like /delay/\n    | filter x = \"a # b\" # trailing comment\n | limit 20");
        Assert.Equal(3, q.Commands.Count);
        var filter = Assert.IsType<FilterCommand>(q.Commands[1]);
        var right = Assert.IsType<ConstantExpression>(((BinaryExpression)filter.Condition).Right);
        Assert.Equal("a # b", right.Value.RawText);
    }

    [Fact]
    public void BacktickNamesKeepDotsAndDashesAndAtSignsGoOutside()
    {
        var q = QueryParser.Parse("fields `detail-type`, @`aws.tag`, json.`user.id`, requestParameters.instancesSet.items.0.instanceId");
        var names = ((FieldsCommand)q.Commands[0]).Items.Select(i => (FieldExpression)i.Expression).ToList();
        Assert.Equal("detail-type", names[0].Name);
        Assert.Equal("@aws.tag", names[1].Name);
        Assert.Equal(["@aws", "tag"], names[1].Segments);
        Assert.Equal(["json", "user.id"], names[2].Segments);
        Assert.Equal(["requestParameters", "instancesSet", "items", "0", "instanceId"], names[3].Segments);
    }

    [Theory]
    [InlineData("filter a = 'it''s'", "it")]
    [InlineData("filter a = \"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("filter a = 'back\\\\slash'", "back\\slash")]
    [InlineData("filter a = \"keep \\d as written\"", "keep \\d as written")]
    public void StringsTakeEitherQuoteAndBackslashEscapesOnlyQuotesAndBackslash(string query, string expected)
    {
        if (query.Contains("''", StringComparison.Ordinal))
        {
            // Doubled quotes are not an escape: 'it' is followed by a stray quote.
            Assert.Throws<InsightsQueryException>(() => QueryParser.Parse(query));
            return;
        }

        var filter = (FilterCommand)QueryParser.Parse(query).Commands[0];
        Assert.Equal(expected, ((ConstantExpression)((BinaryExpression)filter.Condition).Right).Value.RawText);
    }

    [Fact]
    public void SlashIsARegexAfterAnOperatorAndDivisionAfterAnOperand()
    {
        var q = QueryParser.Parse("stats sum(bytes)/1024/1024 as mb | filter path like /a\\/b/ | parse @message /(?<x>\\d+)/ | fields a / b as c");
        var stats = (StatsCommand)q.Commands[0];
        Assert.Equal(BinaryOperator.Divide, ((BinaryExpression)stats.Aggregations[0].Expression).Operator);
        var like = (BinaryExpression)((FilterCommand)q.Commands[1]).Condition;
        Assert.Equal("a/b", ((RegexExpression)like.Right).Pattern);
        Assert.Equal("(?<x>\\d+)", ((ParseCommand)q.Commands[2]).Regex);
        Assert.Equal(BinaryOperator.Divide, ((BinaryExpression)((FieldsCommand)q.Commands[3]).Items[0].Expression).Operator);
    }

    [Theory]
    [InlineData("5m", 5, "Minute")]
    [InlineData("1h", 1, "Hour")]
    [InlineData("30s", 30, "Second")]
    [InlineData("2hrs", 2, "Hour")]
    [InlineData("100ms", 100, "Millisecond")]
    [InlineData("1mo", 1, "Month")]
    [InlineData("1q", 1, "Quarter")]
    [InlineData("1w", 1, "Week")]
    public void TimePeriodsTakeEveryDocumentedUnit(string text, long amount, string unit)
    {
        var stats = (StatsCommand)QueryParser.Parse($"stats count(*) by bin({text})").Commands[0];
        var period = ((PeriodExpression)((CallExpression)stats.GroupBy[0].Expression).Arguments[0]).Period;
        Assert.Equal(amount, period.Amount);
        Assert.Equal(unit, period.Unit.ToString());
        Assert.Equal($"bin({text})", stats.GroupBy[0].Name);
    }

    [Fact]
    public void PrecedenceIsOrThenAndThenComparisonThenArithmetic()
    {
        var filter = (FilterCommand)QueryParser.Parse("filter a = 1 or b = 2 and c + 1 * 2 > 3").Commands[0];
        var or = Assert.IsType<BinaryExpression>(filter.Condition);
        Assert.Equal(BinaryOperator.Or, or.Operator);
        var and = Assert.IsType<BinaryExpression>(or.Right);
        Assert.Equal(BinaryOperator.And, and.Operator);
        var gt = Assert.IsType<BinaryExpression>(and.Right);
        Assert.Equal(BinaryOperator.Greater, gt.Operator);
        var plus = Assert.IsType<BinaryExpression>(gt.Left);
        Assert.Equal(BinaryOperator.Add, plus.Operator);
        Assert.Equal(BinaryOperator.Multiply, ((BinaryExpression)plus.Right).Operator);
    }

    [Fact]
    public void UnaliasedColumnsAreNamedByTheTextAsWritten()
    {
        var stats = (StatsCommand)QueryParser.Parse("stats count(*), avg(@duration), count_distinct(x) as u by bin(1h)").Commands[0];
        Assert.Equal(["count(*)", "avg(@duration)", "u"], stats.Aggregations.Select(a => a.Name));
        Assert.Equal(["bin(1h)"], stats.GroupBy.Select(a => a.Name));
    }

    [Theory]
    [InlineData("", 1, 1, "the query is empty")]
    [InlineData("fields a |", 1, 10, "a '|' must be followed by a command")]
    [InlineData("filter a = \"x", 1, 12, "this string has no closing \"")]
    [InlineData("filter a like /x", 1, 15, "this regular expression has no closing '/'")]
    [InlineData("fields a\n| frobnicate b", 2, 3, "'frobnicate' is not a Logs Insights command")]
    [InlineData("filter a = 1 | limit 0", 1, 22, "limit 0 is out of range")]
    [InlineData("filter a = 1 | limit 100001", 1, 22, "limit 100001 is out of range")]
    [InlineData("parse @message \"a=*, b=*\" as a", 1, 16, "this glob has 2 '*' but 1 field name(s)")]
    [InlineData("stats count(*) by bin(5x)", 1, 23, "'5x' is not a number or a time period")]
    [InlineData("filter a in \"x\"", 1, 13, "'in' needs a list in brackets")]
    [InlineData("filter a > 1 > 2", 1, 14, "comparisons cannot be chained")]
    [InlineData("fields a b", 1, 10, "expected '|' or the end of the query, found 'b'")]
    [InlineData("filter referrer= http://x/", 1, 22, "found ':'. Values go in quotes")]
    public void ErrorsCarryLineColumnAndAnActionableMessage(string query, int line, int column, string message)
    {
        var e = Assert.Throws<InsightsQueryException>(() => QueryParser.Parse(query));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column {column}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCaretSitsUnderTheOffendingText()
    {
        var e = Assert.Throws<InsightsQueryException>(() => QueryParser.Parse("fields a\n| filter x = 1 | limit 200000"));
        var lines = e.Describe().Split('\n');
        Assert.Equal("  | filter x = 1 | limit 200000", lines[1]);
        Assert.Equal("                         ^^^^^^", lines[2]);
    }

    [Theory]
    [InlineData("pattern @message", "pattern")]
    [InlineData("fields a | diff previousDay", "diff")]
    [InlineData("fields a | anomaly", "anomaly")]
    [InlineData("filterIndex region = 'x'", "filterIndex")]
    [InlineData("SOURCE logGroups(namePrefix: ['a']) | fields a", "SOURCE")]
    [InlineData("fields a | unnest a into b", "unnest")]
    [InlineData("parse @message logfmt as lf", "parse logfmt")]
    [InlineData("parse @message /(\\d+)/ as ip multi", "parse … multi")]
    public void OtherDocumentedCommandsParseAsUnsupportedSoTheyCanStillBeSentToAws(string query, string keyword)
    {
        var q = QueryParser.Parse(query);
        Assert.Contains(q.Commands, c => c is UnsupportedCommand u && u.Keyword == keyword);
    }
}
