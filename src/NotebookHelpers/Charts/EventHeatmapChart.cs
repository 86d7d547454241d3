using System.Globalization;

namespace NotebookHelpers.Charts;

/// <summary>
/// API calls by hour: one row per event name (in order of first call, so the rows read as the attack's story: recon,
/// persistence, launches, data access, tampering), one column per hour with activity, the colour the number of calls.
/// Hours without any call are left out so a five-hour attack inside five days of logs stays readable.
/// </summary>
public static class EventHeatmapChart
{
    /// <summary>The most event names drawn on their own row; the rest share one row.</summary>
    public const int MaxEventNames = 40;

    /// <summary>The heat map of <paramref name="activity"/>.</summary>
    /// <param name="activity">The calls to draw.</param>
    /// <param name="bucketSize">Column width; an hour by default (a day beyond three weeks).</param>
    public static PlotlyFigure Create(KeyActivity activity, TimeSpan? bucketSize = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var events = activity.Events;
        var bucket = bucketSize ?? (events.Count == 0 ? TimeSpan.FromHours(1) : ChartText.Bucket(events[0].EventTime, events[^1].EventTime));
        var names = events
            .Select((e, i) => (Name: e.EventName ?? "(none)", Index: i))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count(), First: g.Min(x => x.Index)))
            .ToList();
        var kept = names.OrderByDescending(n => n.Count).ThenBy(n => n.First).Take(MaxEventNames).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var dropped = names.Where(n => !kept.Contains(n.Name)).ToList();
        var otherRow = string.Create(CultureInfo.InvariantCulture, $"other calls ({dropped.Count:N0} names)");
        var rows = names.Where(n => kept.Contains(n.Name)).OrderBy(n => n.First).Select(n => n.Name).ToList();
        if (dropped.Count > 0)
        {
            rows.Add(otherRow);
        }

        var columns = events.Select(e => ChartText.Floor(e.EventTime, bucket)).Distinct().Order().ToList();
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        var columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var counts = new double?[rows.Count, columns.Count];
        foreach (var e in events)
        {
            var name = e.EventName ?? "(none)";
            var r = rowIndex[kept.Contains(name) ? name : otherRow];
            var c = columnIndex[ChartText.Floor(e.EventTime, bucket)];
            counts[r, c] = (counts[r, c] ?? 0) + 1;
        }

        var z = Enumerable.Range(0, rows.Count)
            .Select(r => (IReadOnlyList<double?>)Enumerable.Range(0, columns.Count).Select(c => counts[r, c]).ToList())
            .ToList();
        var labels = columns.Select(c => Label(c, bucket)).ToList();
        var figure = new PlotlyFigure($"Calls per {ChartText.BucketWord(bucket)} by API call: {activity.Label}");
        figure.Add(PlotlyTrace.Heatmap(labels, rows.Select(PlotlyText.Encode), z)
            .With("colorscale", new object[] { new object[] { 0, "#deebf7" }, new object[] { 0.5, "#4292c6" }, new object[] { 1, "#08306b" } })
            .With("hoverongaps", false)
            .With("xgap", 1)
            .With("ygap", 1)
            .With("colorbar", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "calls" } })
            .With("hovertemplate", "%{y}<br>%{x} UTC<br>%{z} calls<extra></extra>"));
        figure.Layout.XAxis.Type = "category";
        figure.Layout.XAxis.Title = new PlotlyTitle(ChartText.BucketWord(bucket) + " with activity (UTC)");
        figure.Layout.XAxis.Extra["tickangle"] = -45;
        figure.Layout.YAxis.Type = "category";
        figure.Layout.YAxis.Title = new PlotlyTitle("API call, in order of first use");
        figure.Layout.YAxis.Extra["autorange"] = "reversed";
        figure.Layout.Height = Math.Max(360, 150 + (18 * rows.Count));
        figure.Layout.Margin["b"] = 110;
        figure.Summary = events.Count == 0
            ? $"{activity.Label}: no calls in the evidence."
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{activity.Label}: {ChartText.Count(names.Count, "distinct API call")} over {ChartText.Count(columns.Count, ChartText.BucketWord(bucket))} with activity; first {rows[0]}, most frequent {names.OrderByDescending(n => n.Count).ThenBy(n => n.First).First().Name}.");
        return figure;
    }

    private static string Label(DateTimeOffset bucketStart, TimeSpan bucket) =>
        bucketStart.UtcDateTime.ToString(bucket >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
