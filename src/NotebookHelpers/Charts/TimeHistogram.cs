using System.Globalization;

namespace NotebookHelpers.Charts;

/// <summary>
/// Counts of items per fixed time bucket (e.g. per UTC hour), split into named series, over a contiguous range of
/// buckets: hours with no activity are present with zero counts, so gaps show as gaps. The building block of
/// timeline charts.
/// </summary>
public sealed class TimeHistogram
{
    /// <summary>The most buckets a histogram may have; choose a larger bucket size for longer ranges.</summary>
    public const int MaxBuckets = 50_000;

    private TimeHistogram(TimeSpan bucketSize, IReadOnlyList<DateTimeOffset> buckets, IReadOnlyList<TimeSeries> series)
    {
        BucketSize = bucketSize;
        Buckets = buckets;
        Series = series;
    }

    /// <summary>The width of one bucket.</summary>
    public TimeSpan BucketSize { get; }

    /// <summary>The start of each bucket, in UTC, ascending and contiguous.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets { get; }

    /// <summary>The series, each with one count per bucket.</summary>
    public IReadOnlyList<TimeSeries> Series { get; }

    /// <summary>The sum of every count.</summary>
    public long Total => Series.Sum(s => s.Total);

    /// <summary>Buckets with at least one item.</summary>
    public int ActiveBuckets => Enumerable.Range(0, Buckets.Count).Count(i => Series.Any(s => s.Counts[i] > 0));

    /// <summary>Counts <paramref name="items"/> per bucket and series.</summary>
    /// <param name="items">The items.</param>
    /// <param name="time">When an item happened.</param>
    /// <param name="series">The series an item belongs to.</param>
    /// <param name="bucketSize">Bucket width, e.g. one hour. Buckets are aligned to the Unix epoch (whole UTC hours, days).</param>
    /// <param name="seriesOrder">Series to show first, in this order (also when they have no items); others follow by total, descending.</param>
    /// <param name="weight">How many events an item stands for (e.g. a count from a <c>stats</c> row); 1 when null.</param>
    /// <param name="start">Extend the range back to this time.</param>
    /// <param name="end">Extend the range up to this time.</param>
    public static TimeHistogram Build<T>(
        IEnumerable<T> items,
        Func<T, DateTimeOffset> time,
        Func<T, string> series,
        TimeSpan bucketSize,
        IEnumerable<string>? seriesOrder = null,
        Func<T, long>? weight = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(series);
        if (bucketSize <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketSize), bucketSize, "The bucket size must be positive.");
        }

        var counts = new Dictionary<(string Series, long Bucket), long>();
        long? first = start is { } s ? BucketIndex(s, bucketSize) : null;
        long? last = end is { } e ? BucketIndex(e, bucketSize) : null;
        foreach (var item in items)
        {
            var bucket = BucketIndex(time(item), bucketSize);
            var key = (series(item), bucket);
            counts[key] = counts.GetValueOrDefault(key) + (weight?.Invoke(item) ?? 1);
            first = first is null ? bucket : Math.Min(first.Value, bucket);
            last = last is null ? bucket : Math.Max(last.Value, bucket);
        }

        if (first is null || last is null)
        {
            return new TimeHistogram(bucketSize, [], (seriesOrder ?? []).Select(n => new TimeSeries(n, [])).ToList());
        }

        var bucketCount = last.Value - first.Value + 1;
        if (bucketCount > MaxBuckets)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{bucketCount:N0} buckets of {bucketSize} are too many to draw (at most {MaxBuckets:N0}); use a larger bucket size or a shorter time range."),
                nameof(bucketSize));
        }

        var buckets = new DateTimeOffset[bucketCount];
        for (var i = 0; i < bucketCount; i++)
        {
            buckets[i] = DateTimeOffset.UnixEpoch + (bucketSize * (first.Value + i));
        }

        var names = new List<string>();
        foreach (var name in seriesOrder ?? [])
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        names.AddRange(counts
            .GroupBy(kv => kv.Key.Series)
            .Where(g => !names.Contains(g.Key))
            .OrderByDescending(g => g.Sum(kv => kv.Value))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key));

        var result = new List<TimeSeries>(names.Count);
        foreach (var name in names)
        {
            var values = new long[bucketCount];
            for (var i = 0; i < bucketCount; i++)
            {
                values[i] = counts.GetValueOrDefault((name, first.Value + i));
            }

            result.Add(new TimeSeries(name, values));
        }

        return new TimeHistogram(bucketSize, buckets, result);
    }

    /// <summary>
    /// A stacked bar chart of this histogram: one bar per bucket, one colour per series, hover text with the bucket's
    /// time range in UTC and the count.
    /// </summary>
    /// <param name="title">Chart title.</param>
    /// <param name="unit">What is counted, for the y axis and hover text (e.g. "events").</param>
    /// <param name="color">Colour of a series; <see cref="ChartPalette.ForSeries"/> by position when null.</param>
    public PlotlyFigure ToStackedBars(string title, string unit = "events", Func<string, string>? color = null)
    {
        var figure = new PlotlyFigure(title);
        figure.Layout.BarMode = "stack";
        figure.Layout.XAxis.Type = "date";
        figure.Layout.XAxis.Title = new PlotlyTitle(BucketLabel() + " (UTC)");
        figure.Layout.YAxis.Title = new PlotlyTitle(unit + " per " + BucketLabel());
        figure.Layout.YAxis.RangeMode = "tozero";
        figure.Layout.Extra["bargap"] = 0.05;
        if (BucketSize >= TimeSpan.FromDays(1))
        {
            // One tick per day (plotly.js would tick every twelve hours and print each date twice) up to a month.
            figure.Layout.XAxis.TickFormat = "%b %d";
            if (Buckets.Count <= 31)
            {
                figure.Layout.XAxis.Extra["dtick"] = TimeSpan.FromDays(1).TotalMilliseconds;
            }
        }

        ChartText.WholeTicks(figure.Layout.YAxis, Buckets.Count == 0 ? 0 : Enumerable.Range(0, Buckets.Count).Max(k => Series.Sum(s => s.Counts[k])));

        for (var i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            var hover = Buckets.Select((b, k) => string.Create(
                CultureInfo.InvariantCulture,
                $"{PlotlyText.Encode(s.Name)}<br>{b.UtcDateTime:yyyy-MM-dd HH:mm}–{(b + BucketSize).UtcDateTime:HH:mm} UTC<br>{s.Counts[k]:N0} {unit}"));
            figure.Add(PlotlyTrace.Bar(PlotlyText.Encode(s.Name), Buckets, s.Counts)
                .WithColor(color?.Invoke(s.Name) ?? ChartPalette.ForSeries(i))
                .WithHoverText(hover)
                // Each bar spans its whole bucket instead of being centred on the bucket's start.
                .With("xperiod", BucketSize.TotalMilliseconds)
                .With("xperiodalignment", "middle"));
        }

        return figure;
    }

    private string BucketLabel() => BucketSize switch
    {
        var b when b == TimeSpan.FromHours(1) => "hour",
        var b when b == TimeSpan.FromDays(1) => "day",
        var b when b == TimeSpan.FromMinutes(1) => "minute",
        var b => b.ToString("c", CultureInfo.InvariantCulture),
    };

    private static long BucketIndex(DateTimeOffset time, TimeSpan bucketSize)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var size = bucketSize.Ticks;
        return ticks >= 0 ? ticks / size : ((ticks + 1) / size) - 1;
    }
}
