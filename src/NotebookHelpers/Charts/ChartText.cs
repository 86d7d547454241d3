using System.Globalization;

namespace NotebookHelpers.Charts;

/// <summary>Short labels and times the investigation charts share.</summary>
internal static class ChartText
{
    private const string AwsSuffix = ".amazonaws.com";

    /// <summary><c>ec2.amazonaws.com</c> → <c>ec2</c>; anything else unchanged; null → <c>(none)</c>.</summary>
    public static string Service(string? eventSource) =>
        eventSource is null ? "(none)"
        : eventSource.EndsWith(AwsSuffix, StringComparison.Ordinal) && eventSource.Length > AwsSuffix.Length ? eventSource[..^AwsSuffix.Length]
        : eventSource;

    /// <summary>A UTC time as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, singular or plural.</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>At most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// The bucket width for a timeline over <paramref name="first"/>..<paramref name="last"/>: an hour up to three weeks,
    /// then a day, so a chart never has thousands of bars.
    /// </summary>
    public static TimeSpan Bucket(DateTimeOffset first, DateTimeOffset last) =>
        last - first <= TimeSpan.FromDays(21) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>
    /// The bucket width for a timeline that opens on <paramref name="focus"/>: ten minutes when the focus is at most
    /// twelve hours and the whole range at most a week (about a thousand bars), else as <see cref="Bucket(DateTimeOffset, DateTimeOffset)"/>.
    /// </summary>
    public static TimeSpan Bucket(TimeWindow? focus, DateTimeOffset first, DateTimeOffset last) =>
        focus is { } window && window.Length <= TimeSpan.FromHours(12) && last - first <= TimeSpan.FromDays(7) ? TimeSpan.FromMinutes(10) : Bucket(first, last);

    /// <summary>"hour" or "day" for a bucket width.</summary>
    public static string BucketWord(TimeSpan bucket) =>
        bucket == TimeSpan.FromDays(1) ? "day"
        : bucket == TimeSpan.FromHours(1) ? "hour"
        : bucket.TotalMinutes is >= 1 and < 60 && bucket.TotalMinutes == Math.Floor(bucket.TotalMinutes) ? string.Create(CultureInfo.InvariantCulture, $"{bucket.TotalMinutes:0} minutes")
        : bucket.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>The start of the bucket <paramref name="time"/> falls in (buckets aligned to the Unix epoch, as in <see cref="TimeHistogram"/>).</summary>
    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan bucket)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var index = ticks >= 0 ? ticks / bucket.Ticks : ((ticks + 1) / bucket.Ticks) - 1;
        return DateTimeOffset.UnixEpoch + (bucket * index);
    }

    /// <summary>
    /// Sizes the bars of <paramref name="figure"/> to their buckets, titles the axes, and sets the time axis's range: the buckets and markers, or <paramref name="focus"/> with a note of what
    /// lies before it.
    /// </summary>
    public static void SizeBars(PlotlyFigure figure, TimeHistogram histogram, IReadOnlyList<TimeMarker>? markers = null, TimeWindow? focus = null)
    {
        foreach (var trace in figure.Data.Where(t => t.Type == "bar"))
        {
            trace.Extra["width"] = histogram.BucketSize.TotalMilliseconds * 0.92;
        }

        var times = histogram.Buckets.Count == 0 ? [] : new List<DateTimeOffset> { histogram.Buckets[0], histogram.Buckets[^1] + histogram.BucketSize };
        times.AddRange((markers ?? []).Select(m => m.Time));
        if (focus is { } window)
        {
            times = [window.Start, window.End + histogram.BucketSize];
            NoteBefore(figure, histogram, window.Start);
        }

        if (times.Count > 0)
        {
            // A little room on the right for the last marker's label.
            var pad = TimeSpan.FromTicks((times.Max() - times.Min()).Ticks / 12);
            figure.Layout.XAxis.Extra["range"] = new object[] { times.Min(), times.Max() + pad };
        }

        figure.Layout.XAxis.Title = new PlotlyTitle(BucketWord(histogram.BucketSize) + " (UTC)");
        figure.Layout.YAxis.Title = new PlotlyTitle("calls per " + BucketWord(histogram.BucketSize));
    }

    /// <summary>
    /// Counts are whole numbers: below eleven plotly.js would tick at 0.5 (or print 1, 1, 2, 2 with a whole-number
    /// format), so the axis ticks at every call.
    /// </summary>
    public static void WholeTicks(PlotlyAxis axis, long max)
    {
        if (max <= 10)
        {
            axis.Extra["dtick"] = 1;
            axis.Extra["tick0"] = 0;
        }
    }

    private static void NoteBefore(PlotlyFigure figure, TimeHistogram histogram, DateTimeOffset start)
    {
        var before = 0L;
        DateTimeOffset? first = null;
        for (var k = 0; k < histogram.Buckets.Count && histogram.Buckets[k] + histogram.BucketSize <= start; k++)
        {
            var count = histogram.Series.Sum(s => (long)s.Counts[k]);
            if (count > 0)
            {
                first ??= histogram.Buckets[k];
                before += count;
            }
        }

        if (before == 0)
        {
            return;
        }

        figure.Layout.Annotations.Add(new PlotlyAnnotation
        {
            Text = PlotlyText.Encode($"◀ {Count(before, "earlier call")} since {Minute(first!.Value)} UTC (double-click to see all)"),
            X = 0,
            XRef = "paper",
            Y = 1,
            XAnchor = "left",
            YAnchor = "top",
            ShowArrow = false,
        });
    }
}
