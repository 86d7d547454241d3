using NotebookHelpers.Insights;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class StatsTests
{
    private static readonly string[] Requests =
    [
        Event("2024-01-01T00:00:00Z", "a", "\"session\":\"s1\",\"ip\":\"1.1.1.1\",\"platform\":\"web\",\"bytes\":100"),
        Event("2024-01-01T00:01:00Z", "b", "\"session\":\"s1\",\"ip\":\"2.2.2.2\",\"platform\":\"web\",\"bytes\":300"),
        Event("2024-01-01T00:02:00Z", "c", "\"session\":\"s2\",\"ip\":\"3.3.3.3\",\"platform\":\"web\",\"bytes\":50"),
        Event("2024-01-01T00:03:00Z", "d", "\"session\":\"s3\",\"ip\":\"4.4.4.4\",\"platform\":\"ios\",\"bytes\":\"n/a\""),
        Event("2024-01-01T00:04:00Z", "e", "\"session\":\"s3\",\"ip\":\"5.5.5.5\",\"platform\":\"ios\""),
    ];

    [Fact]
    public void AggregatesIgnoreMissingValuesAndMinMaxUseTheSortOrder()
    {
        var r = Run("stats count(*) as all, count(bytes) as withBytes, sum(bytes) as total, avg(bytes) as mean, min(bytes) as lo, max(bytes) as hi, count_distinct(platform) as platforms", Requests);
        Assert.Equal(["all=5; withBytes=4; total=450; mean=150; lo=n/a; hi=300; platforms=2"], r.Lines());
    }

    [Fact]
    public void PercentileIsNearestRankAndStddevIsTheSampleDeviation()
    {
        var events = Enumerable.Range(1, 20).Select(i => Event("2024-01-01T00:00:00Z", "e", $"\"d\":{i}")).ToArray();
        var r = Run("stats pct(d, 95) as p95, pct(d, 50) as p50, pct(d, 0) as p0, stddev(d) as sd", events);
        Assert.Equal(["19"], r.Column("p95"));
        Assert.Equal(["10"], r.Column("p50"));
        Assert.Equal(["1"], r.Column("p0"));
        Assert.StartsWith("5.916", r.Column("sd")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EarliestAndLatestTakeTheValueAtTheExtremeTimestamps()
    {
        var r = Run("stats earliest(ip) as first, latest(ip) as last, sortsFirst(ip) as lo, sortsLast(ip) as hi by session", Requests);
        Assert.Equal(
            ["session=s1; first=1.1.1.1; last=2.2.2.2; lo=1.1.1.1; hi=2.2.2.2", "session=s2; first=3.3.3.3; last=3.3.3.3; lo=3.3.3.3; hi=3.3.3.3", "session=s3; first=4.4.4.4; last=5.5.5.5; lo=4.4.4.4; hi=5.5.5.5"],
            r.Lines());
    }

    [Theory]
    [InlineData("earliest")]
    [InlineData("latest")]
    public void EarliestAndLatestTiesGoToTheEarlierEventInInputOrderWhicheverWorkerSawIt(string function)
    {
        // Two workers: the second took the earlier batch (order 1), the first a later one (order 2^32), both at the
        // same time. Merging the first into the second, or the second into the first, keeps the earlier event's value.
        var time = 1_700_000_000_000d;
        NotebookHelpers.Insights.Runtime.Aggregator Worker(string value, long order)
        {
            var a = NotebookHelpers.Insights.Runtime.Aggregators.Create(function);
            a.Add(NotebookHelpers.Insights.Runtime.Value.FromString(value), time, order);
            return a;
        }

        var first = Worker("later", 1L << 32);
        first.Merge(Worker("earlier", 1));
        var second = Worker("earlier", 1);
        second.Merge(Worker("later", 1L << 32));

        Assert.Equal("earlier", first.Result().RawText);
        Assert.Equal("earlier", second.Result().RawText);
    }

    [Fact]
    public void GroupsComeOrderedByTheirKeysAndGroupByColumnsComeFirst()
    {
        var r = Run("stats count(*) by platform, session", Requests);
        Assert.Equal(["platform", "session", "count(*)"], r.Columns);
        Assert.Equal(["platform=ios; session=s3; count(*)=2", "platform=web; session=s1; count(*)=2", "platform=web; session=s2; count(*)=1"], r.Lines());
    }

    [Fact]
    public void AnEventWithoutTheGroupFieldFormsAGroupThatOmitsIt()
    {
        var r = Run("stats count(*) as n by errorCode", Event("2024-01-01T00:00:00Z", "a", "\"errorCode\":\"X\""), Event("2024-01-01T00:00:00Z", "b"));
        Assert.Equal(["errorCode=X; n=1", "n=1"], r.Lines());
    }

    [Fact]
    public void ArithmeticOverAggregatesAndAliasesReusedInTheSameStats()
    {
        var r = Run(
            "stats sum(bytes) / count(*) as perRequest, max(bytes) as most, min(bytes) as least, most - least as spread by platform | sort platform asc",
            Requests.Take(3).ToArray());
        Assert.Equal(["platform=web; perRequest=150; most=300; least=50; spread=250"], r.Lines());
    }

    [Fact]
    public void TwoStatsCommandsWithAFilterBetween()
    {
        var r = Run(
            "STATS count_distinct(ip) AS session_ips, count(*) AS requests BY session, platform | FILTER session_ips > 1 | STATS count(*) AS multiple_ip_sessions, sum(requests) / count(*) AS avg_session_requests BY platform",
            Requests);
        Assert.Equal(["platform=ios; multiple_ip_sessions=1; avg_session_requests=2", "platform=web; multiple_ip_sessions=1; avg_session_requests=2"], r.Lines());
    }

    [Fact]
    public void SecondStatsCanBinOnATimestampCarriedForward()
    {
        var r = Run("stats count(*) as n, max(@timestamp) as @t by session | stats sum(n) as total by dateceil(@t, 10m)", Requests);
        Assert.Equal(["dateceil(@t, 10m)=2024-01-01 00:10:00.000; total=5"], r.Lines());
    }

    [Fact]
    public void StatsWithoutByOverNoEventsIsOneRowCountingZero()
    {
        var r = Run("filter eventName = \"none\" | stats count(*) as n, avg(bytes) as a", Requests);
        Assert.Equal(["n=0"], r.Lines());
    }

    [Theory]
    [InlineData("stats count(*) as a | stats count(*) as b | stats count(*) as c", "at most 2 stats commands")]
    [InlineData("stats count(*) as a by x | sort a | stats count(*) as b", "'sort' must come after the second stats command")]
    [InlineData("stats count(*) as a by x | limit 5 | stats count(*) as b", "'limit' must come after the second stats command")]
    [InlineData("stats count(*) as a by x | stats sum(y) as b", "the second stats can only use fields the first stats defined (a, x); 'y' is not one of them")]
    [InlineData("stats count(*) as a by x | stats sum(a) as b by bin(5m)", "bin() cannot be used in the second stats")]
    [InlineData("stats x by y", "must be an aggregate")]
    [InlineData("stats count(*) by count(*)", "aggregates belong before 'by'")]
    [InlineData("stats sum(count(*))", "an aggregate cannot contain another aggregate")]
    [InlineData("stats pct(x)", "pct() takes a field and a percentile")]
    [InlineData("fields a | dedup a | sort a", "only 'limit' can follow 'dedup'")]
    public void DocumentedRulesAreEnforcedWithMessagesThatSayWhatToDo(string query, string message)
    {
        var e = Assert.Throws<InsightsQueryException>(() => Run(query, Requests));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
