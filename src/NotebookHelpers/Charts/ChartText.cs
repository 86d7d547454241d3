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
    /// Gives every bar of <paramref name="figure"/> an explicit width of one bucket (a little less, for a gap) and pins
    /// the axis to the buckets: plotly.js cannot infer a bar width from a single bucket and would draw a hairline.
    /// </summary>
    public static void SizeBars(PlotlyFigure figure, TimeHistogram histogram, IReadOnlyList<TimeMarker>? markers = null)
    {
        foreach (var trace in figure.Data.Where(t => t.Type == "bar"))
        {
            trace.Extra["width"] = histogram.BucketSize.TotalMilliseconds * 0.92;
        }

        var times = histogram.Buckets.Count == 0 ? [] : new List<DateTimeOffset> { histogram.Buckets[0], histogram.Buckets[^1] + histogram.BucketSize };
        times.AddRange((markers ?? []).Select(m => m.Time));
        if (times.Count > 0)
        {
            // A little room on the right for the last marker's label.
            var pad = TimeSpan.FromTicks((times.Max() - times.Min()).Ticks / 12);
            figure.Layout.XAxis.Extra["range"] = new object[] { times.Min(), times.Max() + pad };
        }

        figure.Layout.XAxis.Title = new PlotlyTitle(BucketWord(histogram.BucketSize) + " (UTC)");
        figure.Layout.YAxis.Title = new PlotlyTitle("calls per " + BucketWord(histogram.BucketSize));
    }
}
