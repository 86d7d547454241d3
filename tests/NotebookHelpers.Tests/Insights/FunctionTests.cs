using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Runtime;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class FunctionTests
{
    private static string? Eval(string expression, string? extra = null) =>
        Run($"fields {expression} as v", Event("2024-05-19T06:10:35.743Z", "E", extra)).Column("v")[0];

    [Theory]
    [InlineData("ltrim(\"xyZxyfooxyZ\", \"xyZ\")", "fooxyZ")]
    [InlineData("rtrim(\"xyZfooxyxyZ\", \"xyZ\")", "xyZfoo")]
    [InlineData("trim(\"xyZxyfooxyxyZ\", \"xyZ\")", "foo")]
    [InlineData("trim(\"  a b  \")", "a b")]
    [InlineData("substr(\"xyZfooxyZ\", 3, 3)", "foo")]
    [InlineData("substr(\"xyZfooxyZ\", 3)", "fooxyZ")]
    [InlineData("substr(\"abc\", 10)", "")]
    [InlineData("strlen(\"h\u00e9llo\ud83d\ude00\")", "6")]
    [InlineData("toupper(\"aB\")", "AB")]
    [InlineData("tolower(\"aB\")", "ab")]
    [InlineData("concat(\"a\", 1, missing, \"b\")", "a1b")]
    [InlineData("replace(\"a-b-c\", \"-\", \"+\")", "a+b+c")]
    [InlineData("strcontains(\"Hello\", \"ell\")", "1")]
    [InlineData("strcontains(\"Hello\", \"ELL\")", "0")]
    [InlineData("strcontains(\"Hello\", \"ELL\", 1)", "1")]
    [InlineData("startsWith(\"Hello\", \"He\")", "1")]
    [InlineData("endsWith(\"Hello\", \"He\")", "0")]
    [InlineData("base64encode(\"hi\")", "aGk=")]
    [InlineData("base64decode(\"aGk=\")", "hi")]
    [InlineData("urlencode(\"a b&c\")", "a%20b%26c")]
    [InlineData("urldecode(\"a%20b\")", "a b")]
    public void StringFunctions(string expression, string expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("abs(-2.5)", "2.5")]
    [InlineData("ceil(1.2)", "2")]
    [InlineData("floor(1.8)", "1")]
    [InlineData("sqrt(16)", "4")]
    [InlineData("log(1)", "0")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("round(2.5)", "3")]
    [InlineData("greatest(1, 5, 3)", "5")]
    [InlineData("least(4, 2, 8)", "2")]
    [InlineData("toNumber(\"42.5\")", "42.5")]
    [InlineData("toInt(\"42.9\")", "42")]
    [InlineData("toLong(\"9000000000\")", "9000000000")]
    [InlineData("isNumeric(\"12\")", "1")]
    [InlineData("isNumeric(\"1x\")", "0")]
    public void NumericAndConversionFunctions(string expression, string expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("sqrt(-1)")]
    [InlineData("toNumber(\"abc\")")]
    [InlineData("abs(missing)")]
    [InlineData("toupper(missing)")]
    public void FunctionsOfNothingReturnNothingSoTheFieldIsOmitted(string expression) => Assert.Null(Eval(expression));

    [Theory]
    [InlineData("ispresent(eventName)", "1")]
    [InlineData("ispresent(missing)", "0")]
    [InlineData("isempty(missing)", "1")]
    [InlineData("isempty(empty)", "1")]
    [InlineData("isempty(eventName)", "0")]
    [InlineData("isblank(blank)", "1")]
    [InlineData("isblank(missing)", "1")]
    [InlineData("isblank(eventName)", "0")]
    [InlineData("coalesce(missing, empty, eventName)", "")]
    [InlineData("coalesce(missing, eventName)", "E")]
    [InlineData("if(ispresent(missing), \"yes\", \"no\")", "no")]
    public void GeneralFunctions(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression, "\"empty\":\"\",\"blank\":\"  \""));

    [Theory]
    [InlineData("isValidIp(\"192.0.2.1\")", "1")]
    [InlineData("isValidIp(\"2001:db8::1\")", "1")]
    [InlineData("isValidIp(\"300.1.1.1\")", "0")]
    [InlineData("isValidIpV4(\"1.2.3\")", "0")]
    [InlineData("isValidIpV4(\"2001:db8::1\")", "0")]
    [InlineData("isValidIpV6(\"2001:db8::1\")", "1")]
    [InlineData("isValidIpV6(\"192.0.2.1\")", "0")]
    [InlineData("isIpInSubnet(\"192.0.2.77\", \"192.0.2.0/24\")", "1")]
    [InlineData("isIpInSubnet(\"192.0.3.77\", \"192.0.2.0/24\")", "0")]
    [InlineData("isIpv4InSubnet(\"10.1.2.3\", \"10.0.0.0/8\")", "1")]
    [InlineData("isIpv4InSubnet(\"2001:db8::1\", \"2001:db8::/32\")", "0")]
    [InlineData("isIpv6InSubnet(\"2001:db8::1\", \"2001:db8::/32\")", "1")]
    [InlineData("isIpv6InSubnet(\"2001:db9::1\", \"2001:db8::/32\")", "0")]
    public void IpFunctions(string expression, string expected) => Assert.Equal(expected, Eval(expression));

    [Theory]
    [InlineData("toMillis(@timestamp)", "1716099035743")]
    [InlineData("fromMillis(1716099035743)", "2024-05-19 06:10:35.743")]
    [InlineData("datefloor(@timestamp, 1h)", "2024-05-19 06:00:00.000")]
    [InlineData("dateceil(@timestamp, 1h)", "2024-05-19 07:00:00.000")]
    [InlineData("datefloor(@timestamp, 15m)", "2024-05-19 06:00:00.000")]
    [InlineData("datefloor(@timestamp, 1d)", "2024-05-19 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1w)", "2024-05-13 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1mo)", "2024-05-01 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1q)", "2024-04-01 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1y)", "2024-01-01 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 90m)", "2024-05-19 06:00:00.000")]
    [InlineData("datefloor(@timestamp, 300s)", "2024-05-19 06:10:00.000")]
    [InlineData("now()", "1704067200")]
    public void DatetimeFunctionsAlignToTheEpochAndCalendarAndClampPeriods(string expression, string expected) =>
        Assert.Equal(expected, Eval(expression));

    [Fact]
    public void BinIsDatefloorOfTimestampAndNamesItsColumnAsWritten()
    {
        var r = Run(
            "stats count(*) by bin(5m)",
            Event("2024-05-19T06:01:00Z", "a"),
            Event("2024-05-19T06:04:59.999Z", "b"),
            Event("2024-05-19T06:05:00Z", "c"));
        Assert.Equal(["bin(5m)=2024-05-19 06:00:00.000; count(*)=2", "bin(5m)=2024-05-19 06:05:00.000; count(*)=1"], r.Lines());
    }

    [Theory]
    [InlineData("fields unmask(@message) as j", "unmask() is not supported offline")]
    [InlineData("fields regexReplace(eventName, /a(?=b)/, \"x\")", "uses a lookahead ((?= or (?!), which RE2")]
    [InlineData("filter eventName like /(a)\\1/", "uses a backreference (\\1)")]
    [InlineData("fields regexReplace(eventName, eventName, \"x\")", "the pattern of regexReplace is a quoted string or a /regex/")]
    [InlineData("fields parseDate(t, \"YYYY-MM-dd\")", "the pattern letter 'Y' at position 1 of \"YYYY-MM-dd\" is not supported offline ('Y' is the week-based year: use 'y' or 'u')")]
    [InlineData("fields parseDate(t, \"yyyy[-MM]\")", "optional sections")]
    [InlineData("fields parseDate(t, \"yyyy\", \"Mars/Olympus\")", "'Mars/Olympus' is not a time zone")]
    [InlineData("fields formatDate(@timestamp, \"%Y %L\")", "the conversion %L at position 4 of \"%Y %L\" is not supported offline")]
    [InlineData("fields strftime(@timestamp, eventName)", "the format of strftime is a quoted strftime format")]
    [InlineData("fields case(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22)", "case() takes condition, value pairs (at most 10)")]
    [InlineData("fields case(1)", "case() takes condition, value pairs")]
    [InlineData("fields jsonParse(@message) as j | sort j desc", "maps and lists (jsonParse, split) are not allowed in sort")]
    [InlineData("fields split(eventName, \",\") as parts | stats count(*) by parts", "are not allowed in stats … by")]
    [InlineData("stats count_distinct(jsonParse(@message)) as n", "are not allowed in stats")]
    [InlineData("fields jsonParse(@message) as j | dedup j", "dedup cannot use 'j'")]
    [InlineData("fields nosuch(x)", "unknown function 'nosuch'")]
    [InlineData("fields count(*) as n", "count() is an aggregate function")]
    [InlineData("fields substr(\"a\")", "substr() takes 2 to 3 argument(s), not 1")]
    [InlineData("fields datefloor(@timestamp, 5)", "the second argument of datefloor is a time period")]
    [InlineData("filter x like /([a-z]/", "this regular expression is not valid")]
    public void FunctionMisuseIsReportedAtItsPosition(string query, string message)
    {
        var e = Assert.Throws<InsightsQueryException>(() => Run(query, Event("2024-01-01T00:00:00Z", "E")));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void PeriodCapsFollowTheDocumentedUnitCaps()
    {
        Assert.Equal(new Period(60, TimeUnit.Minute), new Period(90, TimeUnit.Minute).Effective);
        Assert.Equal(new Period(60, TimeUnit.Second), new Period(300, TimeUnit.Second).Effective);
        Assert.Equal(new Period(24, TimeUnit.Hour), new Period(48, TimeUnit.Hour).Effective);
        Assert.Equal(new Period(1000, TimeUnit.Millisecond), new Period(5000, TimeUnit.Millisecond).Effective);
        Assert.Equal(new Period(3, TimeUnit.Day), new Period(3, TimeUnit.Day).Effective);
    }
}
