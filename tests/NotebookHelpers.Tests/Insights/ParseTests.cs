using NotebookHelpers.Insights.Compilation;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class ParseTests
{
    private const string Line = "25 May 2019 10:24:39,474 [ERROR] {foo=2, bar=data} The error was: DataIntegrityException";

    private static string Msg(string message) => Event("2024-01-01T00:00:00Z", "E", $"\"msg\":\"{message}\"");

    [Fact]
    public void GlobMatchesTheDocumentedExamples()
    {
        var r = Run("parse msg \"[*] * The error was: *\" as level, config, exception", Msg(Line));
        Assert.Equal(["level=ERROR; config={foo=2, bar=data}; exception=DataIntegrityException"], r.Lines());
        var time = Run("parse msg \"* [*] *\" as loggingTime, loggingType, loggingMessage | display loggingTime", Msg(Line));
        Assert.Equal(["25 May 2019 10:24:39,474"], time.Column("loggingTime"));
    }

    [Fact]
    public void GlobWildcardsAreLazyExceptATrailingOne()
    {
        Assert.Equal("(.*?)=(.*?);(.*)", GlobPattern.ToRegexSource("*=*;*"));
        var r = Run("parse msg \"Status Code: *;\" as code | parse msg \"k=*\" as rest", Msg("Status Code: 403; x; Status Code: 500; k=a;b"));
        Assert.Equal(["403"], r.Column("code"));
        Assert.Equal(["a;b"], r.Column("rest"));
    }

    [Fact]
    public void GlobLiteralTextIsNeverARegex()
    {
        var r = Run("parse msg \"a.b(*)\" as inner", Msg("xa.b(1+2)y"), Msg("xaXb(3)y"));
        Assert.Equal(["1+2", null], r.Column("inner"));
    }

    [Fact]
    public void RegexNamedGroupsCreateFieldsAndTheRe2FormIsAccepted()
    {
        var r = Run("parse msg /\\[(?<level>\\S+)\\]\\s+(?P<config>\\{.*\\})\\s+The error was: (?<exception>\\S+)/", Msg(Line));
        Assert.Equal(["level=ERROR; config={foo=2, bar=data}; exception=DataIntegrityException"], r.Lines());
    }

    [Fact]
    public void RegexUnnamedGroupsTakeTheAliases()
    {
        var r = Run("parse msg /(\\d+\\.\\d+\\.\\d+\\.\\d+)/ as ip", Msg("from 10.0.0.1 to 10.0.0.2"));
        Assert.Equal(["10.0.0.1"], r.Column("ip"));
    }

    [Fact]
    public void EventsThatDoNotMatchAreKeptWithoutTheFields()
    {
        var r = Run("parse msg \"user=*,\" as user | fields eventName, user", Msg("user=alice,"), Msg("nothing here"), Event("2024-01-01T00:00:00Z", "noMsg"));
        Assert.Equal(3, r.Rows.Count);
        Assert.Equal(["alice", null, null], r.Column("user"));
    }

    [Fact]
    public void ParseDefaultsToMessageAndChains()
    {
        var r = Run("parse \"\\\"url\\\":\\\"*\\\"\" as url | parse url \"/api/*/users/*\" as apiVersion, userId | display apiVersion, userId",
            Event("2024-01-01T00:00:00Z", "E", "\"url\":\"/api/v2/users/42\""));
        Assert.Equal(["apiVersion=v2; userId=42"], r.Lines());
    }
}
