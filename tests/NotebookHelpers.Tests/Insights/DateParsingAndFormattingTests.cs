using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class DateParsingAndFormattingTests
{
    private static string? Eval(string expression) =>
        Run($"fields {expression} as v", Event("2024-05-19T06:10:35.743Z", "E")).Column("v")[0];

    private static string Ms(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("parseDate(\"2024-05-19\", \"yyyy-MM-dd\", \"UTC\")", "2024-05-19T00:00:00Z")]
    [InlineData("parseDate(\"2023-11-05T10:41:07Z\", \"yyyy-MM-dd'T'HH:mm:ssX\")", "2023-11-05T10:41:07Z")]
    [InlineData("parseDate(\"2018-07-02T22:23:00.186641Z\", \"yyyy-MM-dd'T'HH:mm:ss.SSSSSSX\")", "2018-07-02T22:23:00.186Z")]
    [InlineData("parseDate(\"10/Oct/2000:13:55:36 -0700\", \"dd/MMM/yyyy:HH:mm:ss Z\")", "2000-10-10T13:55:36-07:00")]
    [InlineData("parseDate(\"Mon, 05 Nov 2023 10:41:07 +01:00\", \"EEE, dd MMM yyyy HH:mm:ss XXX\")", "2023-11-05T10:41:07+01:00")]
    [InlineData("parseDate(\"20231105104107\", \"yyyyMMddHHmmss\")", "2023-11-05T10:41:07Z")]
    [InlineData("parseDate(\"2023-11-05 10:41\", \"yyyy-MM-dd HH:mm\", \"Europe/Paris\")", "2023-11-05T10:41:00+01:00")]
    [InlineData("parseDate(\"2023-07-05 10:41\", \"yyyy-MM-dd HH:mm\", \"Europe/Paris\")", "2023-07-05T10:41:00+02:00")]
    [InlineData("parseDate(\"2023-07-05 10:41\", \"yyyy-MM-dd HH:mm\", \"+05:30\")", "2023-07-05T10:41:00+05:30")]
    [InlineData("parseDate(\"5 March 2024 3:04 PM\", \"d MMMM yyyy h:mm a\")", "2024-03-05T15:04:00Z")]
    [InlineData("parseDate(\"2024-060\", \"yyyy-DDD\")", "2024-02-29T00:00:00Z")]
    [InlineData("parseDate(\"It's 2024\", \"'It''s' yyyy\")", "2024-01-01T00:00:00Z")]
    public void ParseDateReadsJavaPatternsIntoEpochMilliseconds(string expression, string iso) => Assert.Equal(Ms(iso), Eval(expression));

    [Theory]
    [InlineData("parseDate(\"2024-02-30\", \"yyyy-MM-dd\")")]
    [InlineData("parseDate(\"2024-05-19 extra\", \"yyyy-MM-dd\")")]
    [InlineData("parseDate(\"19/05/2024\", \"yyyy-MM-dd\")")]
    [InlineData("parseDate(\"2024-13-01\", \"yyyy-MM-dd\")")]
    [InlineData("parseDate(missing, \"yyyy-MM-dd\")")]
    [InlineData("parseDate(\"2024-05-19 25:00\", \"yyyy-MM-dd HH:mm\")")]
    public void ParseDateOfTextThatDoesNotMatchIsMissing(string expression) => Assert.Null(Eval(expression));

    [Theory]
    [InlineData("formatDate(@timestamp, \"%Y-%m-%d\", \"UTC\")", "2024-05-19")]
    [InlineData("formatDate(@timestamp, \"%Y-%m-%dT%H:%M:%S%z\")", "2024-05-19T06:10:35+0000")]
    [InlineData("strftime(@timestamp, \"%a %A %b %B %e %j %u %w %y %C\")", "Sun Sunday May May 19 140 7 0 24 20")]
    [InlineData("formatDate(@timestamp, \"%I:%M %p %T %R %D %F %s %%\")", "06:10 AM 06:10:35 06:10 05/19/24 2024-05-19 1716099035 %")]
    [InlineData("formatDate(@timestamp, \"%H:%M %Z\", \"Europe/Paris\")", "08:10 CEST")]
    [InlineData("formatDate(@timestamp, \"%H:%M %z\", \"-03:30\")", "02:40 -0330")]
    [InlineData("formatDate(1700000000000, \"%F %T\")", "2023-11-14 22:13:20")]
    [InlineData("formatDate(\"2023-11-05T10:41:07Z\", \"%F\")", "2023-11-05")]
    [InlineData("formatDate(parseDate(\"05/11/2023\", \"dd/MM/yyyy\"), \"%F\")", "2023-11-05")]
    [InlineData("formatDate(\"not a date\", \"%F\")", null)]
    [InlineData("formatDate(missing, \"%F\")", null)]
    public void FormatDateWritesStrftimeConversions(string expression, string? expected) => Assert.Equal(expected, Eval(expression));
}
