using System.Globalization;

namespace NotebookHelpers.Charts;

/// <summary>
/// Calls per hour stacked by service (event source), with containment marked: when the key woke up, which services
/// the attacker went for (IAM for persistence, EC2 for mining, S3 for data), and whether activity stopped when the key
/// was contained or simply moved to another key.
/// </summary>
public static class ActivityTimelineChart
{
    /// <summary>The most services drawn as their own series; the rest are summed as <see cref="OtherServices"/>.</summary>
    public const int MaxServices = 8;

    /// <summary>The series of services beyond <see cref="MaxServices"/>.</summary>
    public const string OtherServices = "other services";

    /// <summary>The timeline of <paramref name="activity"/>.</summary>
    /// <param name="activity">The calls to draw.</param>
    /// <param name="bucketSize">
    /// Bar width; by default ten minutes when the chart opens on an attack of at most twelve hours (<see cref="KeyActivity.Focus"/>),
    /// else an hour (a day beyond three weeks).
    /// </param>
    public static PlotlyFigure Create(KeyActivity activity, TimeSpan? bucketSize = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var events = activity.Events;
        var services = events
            .GroupBy(e => ChartText.Service(e.EventSource), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var shown = services.Count <= MaxServices ? services : services.Take(MaxServices - 1).ToList();
        var named = shown.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var order = shown.Select(s => s.Name).ToList();
        if (shown.Count < services.Count)
        {
            order.Add(OtherServices);
        }

        var focus = activity.Focus;
        var bucket = bucketSize ?? (events.Count == 0 ? TimeSpan.FromHours(1) : ChartText.Bucket(focus, events[0].EventTime, events[^1].EventTime));
        var histogram = TimeHistogram.Build(
            events,
            e => e.EventTime,
            e => named.Contains(ChartText.Service(e.EventSource)) ? ChartText.Service(e.EventSource) : OtherServices,
            bucket,
            seriesOrder: order);
        var figure = histogram.ToStackedBars($"Calls per {ChartText.BucketWord(bucket)} by service: {activity.Label}", "calls");
        ChartText.SizeBars(figure, histogram, activity.ContainmentMarkers, focus);
        TimeMarkers.AddTo(figure, activity.ContainmentMarkers);
        figure.Summary = Summarise(activity, services, histogram);
        return figure;
    }

    private static string Summarise(KeyActivity activity, List<(string Name, int Count)> services, TimeHistogram histogram)
    {
        if (activity.Events.Count == 0)
        {
            return $"{activity.Label}: no calls in the evidence.";
        }

        var top = string.Join(", ", services.Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Count:N0}")));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{activity.Label}: {ChartText.Count(activity.Events.Count, "call")} to {ChartText.Count(services.Count, "service")} in {ChartText.Count(histogram.ActiveBuckets, ChartText.BucketWord(histogram.BucketSize))} with activity, {ChartText.Minute(activity.Events[0].EventTime)} to {ChartText.Minute(activity.Events[^1].EventTime)} UTC; most called: {top}.");
        if (activity.ContainedAt is { } contained)
        {
            var after = activity.Events.Count(e => e.EventTime >= contained);
            text += $" {ChartText.Count(after, "call")} after the first containment ({ChartText.Minute(contained)} UTC).";
        }

        return text;
    }
}
