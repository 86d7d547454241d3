using static NotebookHelpers.Tests.Insights.InsightsFixture;

namespace NotebookHelpers.Tests.Insights;

public class DedupTests
{
    private static readonly string[] Events =
    [
        Event("2024-01-01T00:00:01Z", "a", "\"server\":\"s1\",\"severity\":\"low\",\"id\":1"),
        Event("2024-01-01T00:00:03Z", "b", "\"server\":\"s1\",\"severity\":\"high\",\"id\":2"),
        Event("2024-01-01T00:00:02Z", "c", "\"server\":\"s2\",\"severity\":\"low\",\"id\":3"),
        Event("2024-01-01T00:00:04Z", "d", "\"severity\":\"low\",\"id\":4"),
        Event("2024-01-01T00:00:05Z", "e", "\"severity\":\"low\",\"id\":5"),
        Event("2024-01-01T00:00:03Z", "f", "\"server\":\"s1\",\"severity\":\"high\",\"id\":6"),
    ];

    [Fact]
    public void KeepsTheFirstEventInSortOrderPerValue()
    {
        Assert.Equal(["1", "3", "4", "5"], Run("fields id | sort @timestamp asc | dedup server", Events).Column("id"));
    }

    [Fact]
    public void WithoutASortKeepsTheNewestPerValue()
    {
        Assert.Equal(["5", "4", "2", "3"], Run("fields id | dedup server", Events).Column("id"));
    }

    [Fact]
    public void EventsMissingADedupFieldAreNeverDuplicates()
    {
        var ids = Run("fields id | dedup server, severity", Events).Column("id");
        Assert.Contains("4", ids);
        Assert.Contains("5", ids);
    }

    [Fact]
    public void ExactTiesInTheSortGoToTheEarlierEventInTheInput()
    {
        Assert.Equal(["5", "4", "2", "3"], Run("fields id | sort @timestamp desc | dedup server, severity | limit 4", Events).Column("id"));
    }

    [Fact]
    public void OnlyLimitMayFollowAndItApplies()
    {
        Assert.Equal(["1", "3"], Run("fields id | sort @timestamp asc | dedup server | limit 2", Events).Column("id"));
    }
}
