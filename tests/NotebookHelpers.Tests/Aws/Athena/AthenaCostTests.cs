using NotebookHelpers.Aws.Athena;

namespace NotebookHelpers.Tests.Aws.Athena;

public sealed class AthenaCostTests
{
    [Theory]
    [InlineData(0L, 10L << 20)]
    [InlineData(1L, 10L << 20)]
    [InlineData((10L << 20) + 1, 11L << 20)]
    [InlineData(5L << 30, 5L << 30)]
    public void BytesAreRoundedUpToTheMegabyteWithATenMegabyteMinimum(long scanned, long billed) =>
        Assert.Equal(billed, AthenaCost.Of(scanned).BilledBytes);

    [Fact]
    public void ATerabyteCostsThePricePerTerabyte()
    {
        Assert.Equal(5.00m, AthenaCost.Of(1L << 40).Dollars);
        Assert.Equal(6.75m, AthenaCost.Of(1L << 40, 6.75m).Dollars);
        Assert.Equal(2.50m, AthenaCost.Of(1L << 39).Dollars);
    }

    [Fact]
    public void FailedQueriesAndDdlAreNotCharged()
    {
        var failed = new AthenaQueryExecution("q", AthenaQueryState.Failed, "boom", null, 1L << 30, 5, "DML", null, null);
        var ddl = failed with { State = AthenaQueryState.Succeeded, StatementType = "DDL" };
        var cancelled = failed with { State = AthenaQueryState.Cancelled };

        Assert.Equal(0m, AthenaCost.Of(failed).Dollars);
        Assert.Equal(0m, AthenaCost.Of(ddl).Dollars);
        Assert.Equal(5m / 1024, AthenaCost.Of(cancelled).Dollars);
        Assert.Equal("1.00 GB scanned, $0.004883 at $5.00/TB", AthenaCost.Of(cancelled).ToString());
        Assert.Equal("1.00 GB scanned, $0.000000 at $5.00/TB (not charged)", AthenaCost.Of(failed).ToString());
        Assert.Equal("812 B scanned, $0.000048 at $5.00/TB (10 MB minimum)", AthenaCost.Of(812).ToString());
    }
}
