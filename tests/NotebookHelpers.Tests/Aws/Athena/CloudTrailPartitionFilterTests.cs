using NotebookHelpers.Aws.Athena;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.Aws.Athena;

public sealed class CloudTrailPartitionFilterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDaysArePaddedByOneEachSideBecauseAFolderIsTheDeliveryDay()
    {
        var range = new TimeRange(new DateTimeOffset(2025, 3, 10, 23, 58, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 11, 0, 30, 0, TimeSpan.Zero));

        var filter = CloudTrailPartitionFilter.For(range, ["562048731905", "307816459282", "307816459282"], ["us-east-1"], Now);

        Assert.Equal(["2025/03/09", "2025/03/10", "2025/03/11", "2025/03/12"], filter.Days.Select(CloudTrailPartitionFilter.Folder));
        Assert.Equal(
            "\"timestamp\" BETWEEN '2025/03/09' AND '2025/03/12' AND account IN ('307816459282', '562048731905') AND region IN ('us-east-1')",
            filter.ToSql());
    }

    [Fact]
    public void AnOpenEndIsNowAndOnlyTheTablesPartitionColumnsAreNamed()
    {
        var filter = CloudTrailPartitionFilter.For(new TimeRange(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), null), ["307816459282"], ["eu-west-1"], Now);

        Assert.Equal("\"timestamp\" BETWEEN '2025/03/17' AND '2025/03/21' AND region IN ('eu-west-1')", filter.ToSql(["region", "timestamp"]));
        Assert.Equal("TRUE", filter.ToSql(["year", "month", "day"]));
    }

    [Theory]
    [InlineData(null, null, "needs a start time")]
    [InlineData("12345", null, "'12345' is not an account id")]
    [InlineData(null, "us-east-1') OR ('1'='1", "is not a region name")]
    public void ARangeWithoutAStartOrABadAccountOrRegionIsRefused(string? account, string? region, string message)
    {
        var range = account is null && region is null ? TimeRange.All : new TimeRange(Now.AddDays(-1), null);

        var error = Assert.Throws<ArgumentException>(() => CloudTrailPartitionFilter.For(range, account is null ? null : [account], region is null ? null : [region], Now));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
