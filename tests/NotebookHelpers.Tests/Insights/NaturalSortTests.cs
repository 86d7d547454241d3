using NotebookHelpers.Insights.Runtime;
using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class NaturalSortTests
{
    // The AWS sort page's worked example, ascending, verbatim.
    private static readonly string[] Documented = ["!:", "#", "*%04", "0#", "5A", "111A", "2345_", "@", "@_", "A", "A9876fghj", "a12345hfh", "0", "01", "1", "2", "3"];

    [Fact]
    public void OrdersTheDocumentedExampleExactly()
    {
        var shuffled = Documented.OrderBy(s => s.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();
        shuffled.Sort(NaturalSortComparer.Instance);
        Assert.Equal(Documented, shuffled);
    }

    [Fact]
    public void SortCommandAscendingAndDescendingFollowTheDocumentedOrder()
    {
        var events = Documented.Select((v, i) => Event($"2024-01-01T00:00:{i:00}Z", "E", $"\"v\":\"{v.Replace("\\", "\\\\", StringComparison.Ordinal)}\"")).ToArray();
        Assert.Equal(Documented, Run("fields v | sort v asc", events).Column("v"));
        Assert.Equal(Documented.Reverse(), Run("fields v | sort v desc", events).Column("v"));
    }

    [Fact]
    public void NumbersSortNumericallyAfterTextAndMissingValuesSortLastBothWays()
    {
        string[] events =
        [
            Event("2024-01-01T00:00:01Z", "E", "\"n\":10"),
            Event("2024-01-01T00:00:02Z", "E", "\"n\":9.5"),
            Event("2024-01-01T00:00:03Z", "E", "\"n\":-3"),
            Event("2024-01-01T00:00:04Z", "E", "\"n\":\"x\""),
            Event("2024-01-01T00:00:05Z", "E"),
        ];
        Assert.Equal(["x", "-3", "9.5", "10", null], Run("fields n | sort n asc", events).Column("n"));
        Assert.Equal(["10", "9.5", "-3", "x", null], Run("fields n | sort n desc", events).Column("n"));
    }

    [Fact]
    public void SortWithoutDirectionIsDescending()
    {
        string[] events = [Event("2024-01-01T00:00:01Z", "a"), Event("2024-01-01T00:00:02Z", "c"), Event("2024-01-01T00:00:03Z", "b")];
        Assert.Equal(["c", "b", "a"], Run("fields eventName | sort eventName", events).Column("eventName"));
    }

    [Fact]
    public void SeveralKeysBreakTiesInOrderAndInputOrderBreaksTheRest()
    {
        string[] events =
        [
            Event("2024-01-01T00:00:01Z", "b", "\"k\":1,\"id\":\"first\""),
            Event("2024-01-01T00:00:01Z", "a", "\"k\":2,\"id\":\"second\""),
            Event("2024-01-01T00:00:01Z", "a", "\"k\":1,\"id\":\"third\""),
            Event("2024-01-01T00:00:01Z", "a", "\"k\":1,\"id\":\"fourth\""),
        ];
        Assert.Equal(["third", "fourth", "second", "first"], Run("fields id | sort eventName asc, k asc", events).Column("id"));
    }

    [Fact]
    public void QueriesWithoutSortReturnNewestFirst()
    {
        string[] events = [Event("2024-01-01T00:00:02Z", "mid"), Event("2024-01-01T00:00:03Z", "new"), Event("2024-01-01T00:00:01Z", "old")];
        Assert.Equal(["new", "mid", "old"], Run("fields eventName", events).Column("eventName"));
    }
}
