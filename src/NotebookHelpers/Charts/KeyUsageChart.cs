using System.Globalization;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Charts;

/// <summary>
/// The key-usage timeline: calls made with an access key per hour, stacked by outcome (succeeded / failed with an
/// <c>errorCode</c>), with optional markers such as the moment the key was disabled. Failures after containment are
/// the attacker still trying; a burst of failures before it is often discovery or quota probing. Calls far from the
/// key's main activity (<see cref="ActivityOutliers{T}"/>) are left off the time axis and named in the summary.
/// </summary>
public static class KeyUsageChart
{
    /// <summary>The series of successful calls.</summary>
    public const string SucceededSeries = "Succeeded";

    /// <summary>The series of calls that returned an errorCode.</summary>
    public const string FailedSeries = "Failed (errorCode)";

    private static readonly string[] TimeFields = ["hour", "bin(1h)", "@timestamp", "eventTime"];
    private static readonly string[] CountFields = ["events", "count(*)", "count"];

    /// <summary>The chart of <paramref name="events"/>.</summary>
    public static PlotlyFigure Create(IEnumerable<KeyUsageEvent> events, KeyUsageChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= new KeyUsageChartOptions();
        var split = ActivityOutliers<KeyUsageEvent>.Split(events, e => e.Time, e => e.Count);
        var list = split.Shown.ToList();
        var histogram = TimeHistogram.Build(
            list,
            e => e.Time,
            e => e.Failed ? FailedSeries : SucceededSeries,
            options.BucketSize,
            seriesOrder: [SucceededSeries, FailedSeries],
            weight: e => e.Count,
            start: options.Start,
            end: options.End);

        var title = options.AccessKeyId is null ? "Key usage" : "Key usage: " + options.AccessKeyId;
        var figure = histogram.ToStackedBars(title, "calls", s => s == FailedSeries ? ChartPalette.Error : ChartPalette.Success);
        ChartText.SizeBars(figure, histogram, options.Markers);
        TimeMarkers.AddTo(figure, options.Markers);
        figure.Summary = Summarise(list, histogram, options.AccessKeyId) + Outliers(split.Outliers);
        return figure;
    }

    /// <summary>The chart of any event type, given how to read its time and errorCode.</summary>
    public static PlotlyFigure Create<T>(IEnumerable<T> events, Func<T, DateTimeOffset> time, Func<T, string?> errorCode, KeyUsageChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(errorCode);
        return Create(events.Select(e => new KeyUsageEvent(time(e), errorCode(e))), options);
    }

    /// <summary>
    /// The chart of Logs Insights results, offline or from the live service. Either one row per event (a
    /// <c>@timestamp</c> or <c>eventTime</c> field and <c>errorCode</c> when present), or counts such as
    /// <c>stats count(*) as events by bin(1h) as hour, errorCode</c>: the time comes from <c>hour</c>,
    /// <c>bin(1h)</c>, <c>@timestamp</c> or <c>eventTime</c>, the count from <c>events</c>, <c>count(*)</c> or
    /// <c>count</c> (1 when absent), and a row without <c>errorCode</c> counts as succeeded.
    /// </summary>
    /// <exception cref="ArgumentException">A row has no time field, or a value does not parse.</exception>
    public static PlotlyFigure FromQueryResults(QueryResults results, KeyUsageChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var events = new List<KeyUsageEvent>(results.Rows.Count);
        for (var r = 0; r < results.Rows.Count; r++)
        {
            var row = results.Rows[r];
            string? Find(IEnumerable<string> names) =>
                names.Select(n => row.FirstOrDefault(f => f.Field == n)?.Value).FirstOrDefault(v => v is not null);

            var timeText = Find(TimeFields) ?? throw new ArgumentException(
                $"Row {r + 1} of the query results has none of the time fields {string.Join(", ", TimeFields)}.", nameof(results));
            if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                throw new ArgumentException($"Row {r + 1}: '{timeText}' is not a time.", nameof(results));
            }

            var countText = Find(CountFields);
            long count = 1;
            if (countText is not null && !long.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out count))
            {
                throw new ArgumentException($"Row {r + 1}: count '{countText}' is not a whole number.", nameof(results));
            }

            events.Add(new KeyUsageEvent(time, Find(["errorCode"]), count));
        }

        return Create(events, options);
    }

    private static string BucketWord(TimeSpan size, int count) => (size == TimeSpan.FromHours(1), size == TimeSpan.FromDays(1)) switch
    {
        (true, _) => count == 1 ? "hour" : "hours",
        (_, true) => count == 1 ? "day" : "days",
        _ => count == 1 ? "bucket" : "buckets",
    };

    private static string Outliers(IReadOnlyList<KeyUsageEvent> outliers)
    {
        if (outliers.Count == 0)
        {
            return "";
        }

        var calls = ChartText.Count(outliers.Sum(e => e.Count), "call");
        var when = outliers.Count == 1 || outliers[0].Time == outliers[^1].Time
            ? ChartText.Minute(outliers[0].Time)
            : $"{ChartText.Minute(outliers[0].Time)} to {ChartText.Minute(outliers[^1].Time)}";
        return $" {calls} outside the chart ({when}): outliers more than {ActivityOutliers<KeyUsageEvent>.Gap.TotalDays:0} days from the key's main activity.";
    }

    private static string Summarise(List<KeyUsageEvent> events, TimeHistogram histogram, string? accessKeyId)
    {
        var total = events.Sum(e => e.Count);
        var failed = events.Where(e => e.Failed).Sum(e => e.Count);
        var who = accessKeyId ?? "The key";
        if (total == 0)
        {
            return $"{who}: no calls in the range.";
        }

        var first = events.Min(e => e.Time).UtcDateTime;
        var last = events.Max(e => e.Time).UtcDateTime;
        var errors = events.Where(e => e.Failed)
            .GroupBy(e => e.ErrorCode!, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Sum(e => e.Count)))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .Take(3)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Code} {g.Count:N0}"));
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{who}: {total:N0} calls in {histogram.ActiveBuckets:N0} {BucketWord(histogram.BucketSize, histogram.ActiveBuckets)} with activity between {ChartText.Minute(first)} and {ChartText.Minute(last)}; {total - failed:N0} succeeded, {failed:N0} failed");
        return failed > 0 ? $"{summary} ({string.Join(", ", errors)})." : summary + ".";
    }
}
