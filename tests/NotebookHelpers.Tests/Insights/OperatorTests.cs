using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class OperatorTests
{
    private static readonly string[] Events =
    [
        Event("2024-01-01T00:00:01Z", "CreateUser", "\"status\":200,\"code\":\"403\",\"errorCode\":\"AccessDenied\",\"readOnly\":false,\"msg\":\"Some Exception here\""),
        Event("2024-01-01T00:00:02Z", "ListBuckets", "\"status\":\"404\",\"code\":403,\"readOnly\":true,\"msg\":\"all fine\""),
        Event("2024-01-01T00:00:03Z", "GetObject", "\"status\":500"),
    ];

    private static List<string?> Names(string filter) => Run($"filter {filter} | fields eventName | sort @timestamp asc", Events).Column("eventName");

    [Fact]
    public void EqualityComparesNumbersNumericallyAndStringsExactly()
    {
        Assert.Equal(["CreateUser"], Names("status = 200"));
        Assert.Equal(["CreateUser"], Names("status = \"200\""));
        Assert.Equal(["CreateUser", "ListBuckets"], Names("code = 403"));
        Assert.Equal(["CreateUser"], Names("eventName = \"CreateUser\""));
        Assert.Empty(Names("eventName = \"createuser\""));
    }

    [Fact]
    public void NotEqualIsTrueForAnEventWithoutTheField()
    {
        Assert.Equal(["ListBuckets", "GetObject"], Names("errorCode != \"AccessDenied\""));
    }

    [Fact]
    public void OrderingComparisonsAreFalseForAMissingFieldAndNumericForNumbers()
    {
        Assert.Equal(["ListBuckets", "GetObject"], Names("status >= 400"));
        Assert.Equal(["CreateUser"], Names("status < 300"));
        Assert.Empty(Names("errorCode > \"A\" and errorCode < \"A\""));
        Assert.Equal(["CreateUser", "ListBuckets"], Names("code <= 403"));
    }

    [Fact]
    public void BooleansAreOneAndZeroAndMatchTrueAndFalse()
    {
        Assert.Equal(["ListBuckets"], Names("readOnly = 1"));
        Assert.Equal(["ListBuckets"], Names("readOnly = \"true\""));
        Assert.Equal(["CreateUser"], Names("readOnly = 0"));
        Assert.Equal(["ListBuckets"], Names("readOnly"));
        Assert.Equal(["0", "1", null], Run("fields readOnly | sort @timestamp asc", Events).Column("readOnly"));
    }

    [Fact]
    public void LikeWithAStringIsACaseSensitiveSubstringMatch()
    {
        Assert.Equal(["CreateUser"], Names("msg like \"Exception\""));
        Assert.Empty(Names("msg like \"exception\""));
        Assert.Equal(["ListBuckets", "GetObject"], Names("msg not like \"Exception\""));
    }

    [Fact]
    public void LikeAndMatchWithARegexHonourInlineFlags()
    {
        Assert.Equal(["CreateUser"], Names("msg like /Exc.ption/"));
        Assert.Empty(Names("msg =~ /exception/"));
        Assert.Equal(["CreateUser"], Names("msg =~ /(?i)exception/"));
        Assert.Equal(["CreateUser"], Names("errorCode like /Unauthorized|Denied|Forbidden/"));
        Assert.Equal(["CreateUser", "ListBuckets"], Names("msg like /E*/"));
    }

    [Fact]
    public void InMatchesCompleteValuesAndMixesStringsAndNumbers()
    {
        Assert.Equal(["CreateUser", "GetObject"], Names("status in [200, 500]"));
        Assert.Equal(["ListBuckets"], Names("status in [\"404\"]"));
        Assert.Empty(Names("eventName in [\"Create\"]"));
        Assert.Equal(["ListBuckets", "GetObject"], Names("eventName not in [\"CreateUser\", 1]"));
        Assert.Equal(["ListBuckets", "GetObject"], Names("errorCode not in [\"AccessDenied\"]"));
    }

    [Fact]
    public void BooleanOperatorsAndParenthesesCombine()
    {
        Assert.Equal(["CreateUser", "GetObject"], Names("(eventName = \"CreateUser\" or eventName = \"GetObject\") and status >= 200"));
        Assert.Equal(["ListBuckets", "GetObject"], Names("not ispresent(errorCode)"));
    }

    [Fact]
    public void ArithmeticCoercesNumericStringsAndMissingPropagates()
    {
        var r = Run("fields status * 2 as d, status / 0 as z, 2 ^ 3 as p, 10 % 3 as m, -status as neg | sort @timestamp asc", Events);
        Assert.Equal(["400", "808", "1000"], r.Column("d"));
        Assert.Equal([null, null, null], r.Column("z"));
        Assert.Equal(["8", "8", "8"], r.Column("p"));
        Assert.Equal(["1", "1", "1"], r.Column("m"));
        Assert.Equal(["-200", "-404", "-500"], r.Column("neg"));
        Assert.Equal([null, null, null], Run("fields nothing + 1 as x", Events).Column("x"));
    }
}
