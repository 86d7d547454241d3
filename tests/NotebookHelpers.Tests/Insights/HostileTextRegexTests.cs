using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

/// <summary>
/// Log values are written by whoever held the key: a user agent or request parameter can be crafted so that a
/// backtracking regex engine takes exponential time on it. Query regexes must still answer, as RE2 does on AWS,
/// instead of timing out and failing the analyst's whole query.
/// </summary>
public sealed class HostileTextRegexTests
{
    // 60 'a's then a '!': ^(a+)+$ and ^(a|aa)*c$ backtrack through 2^60 ways to split the run before failing.
    private static readonly string Crafted = new string('a', 60) + "!";

    private static string[] Events =>
    [
        Event("2024-03-01T10:00:00Z", "GetCallerIdentity", $"\"userAgent\":\"{Crafted}\""),
        Event("2024-03-01T10:01:00Z", "ListBuckets", "\"userAgent\":\"aws-cli/2.15.0 aaaa\""),
    ];

    [Fact]
    public void FiltersWithANestedQuantifierOverACraftedUserAgent()
    {
        var results = Run("filter userAgent like /^(a+)+$/ or userAgent =~ /^(a|aa)*c$/ | stats count(*) as n", Events);

        Assert.Equal(["0"], results.Column("n"));
    }

    [Fact]
    public void MatchesTheSameValueWhenThePatternDoesMatch()
    {
        var results = Run("filter userAgent like /^(a+)+!$/ | fields eventName", Events);

        Assert.Equal(["GetCallerIdentity"], results.Column("eventName"));
    }

    [Fact]
    public void ParsesACraftedValueWithANestedQuantifierInANamedGroup()
    {
        var results = Run("filter eventName = \"GetCallerIdentity\" | parse userAgent /^(?<run>(a+)+)(?<rest>[^a].*)$/ | fields run, rest", Events);

        Assert.Equal([new string('a', 60)], results.Column("run"));
        Assert.Equal(["!"], results.Column("rest"));
    }

    [Fact]
    public void ReplacesInACraftedValueWithANestedQuantifier()
    {
        var results = Run("fields regexReplace(userAgent, /(a+)+b/, \"x\") as cleaned | filter eventName = \"GetCallerIdentity\"", Events);

        Assert.Equal([Crafted], results.Column("cleaned"));
    }

    [Fact]
    public void ParsesAGlobWithManyStarsOverALongValueWithoutTheTextAfterThem()
    {
        // Lazy stars followed by text that never occurs: a backtracking engine tries every split of the value.
        var results = Run("parse userAgent \"a*a*a*a*a*a*a*a*a*a*a*a*b*\" as p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13 | filter ispresent(p1) | stats count(*) as n", Events);

        Assert.Equal(["0"], results.Column("n"));
    }
}
