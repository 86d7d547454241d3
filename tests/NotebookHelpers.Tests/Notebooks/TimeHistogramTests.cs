using NotebookHelpers.Charts;

namespace NotebookHelpers.Tests.Notebooks;

public class TimeHistogramTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AlignsBucketsToWholeUtcHoursWhateverTheOffsetOfTheInput()
    {
        var local = new DateTimeOffset(2024, 5, 1, 12, 59, 0, TimeSpan.FromHours(2));

        var histogram = TimeHistogram.Build([local], t => t, _ => "a", TimeSpan.FromHours(1));

        Assert.Equal([new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero)], histogram.Buckets);
    }

    [Fact]
    public void PutsRequestedSeriesFirstThenTheRestByTotal()
    {
        var items = new[] { ("b", 1), ("c", 5), ("c", 1), ("d", 2) };

        var histogram = TimeHistogram.Build(items, _ => T0, i => i.Item1, TimeSpan.FromHours(1), seriesOrder: ["a"], weight: i => i.Item2);

        Assert.Equal(["a", "c", "d", "b"], histogram.Series.Select(s => s.Name));
        Assert.Equal(6, histogram.Series[1].Total);
        Assert.Equal(9, histogram.Total);
    }

    [Fact]
    public void ExtendsTheRangeToTheRequestedStartAndEnd()
    {
        var histogram = TimeHistogram.Build([T0], t => t, _ => "a", TimeSpan.FromHours(1), start: T0.AddHours(-2), end: T0.AddHours(1).AddMinutes(30));

        Assert.Equal(4, histogram.Buckets.Count);
        Assert.Equal([0L, 0, 1, 0], histogram.Series[0].Counts);
        Assert.Equal(1, histogram.ActiveBuckets);
    }

    [Fact]
    public void HandlesTimesBeforeTheEpoch()
    {
        var early = new DateTimeOffset(1969, 12, 31, 23, 30, 0, TimeSpan.Zero);

        var histogram = TimeHistogram.Build([early], t => t, _ => "a", TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(1969, 12, 31, 23, 0, 0, TimeSpan.Zero), histogram.Buckets[0]);
    }

    [Fact]
    public void RefusesARangeWithTooManyBuckets()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TimeHistogram.Build([T0, T0.AddYears(10)], t => t, _ => "a", TimeSpan.FromHours(1)));

        Assert.Contains("use a larger bucket size", e.Message, StringComparison.Ordinal);
    }
}
