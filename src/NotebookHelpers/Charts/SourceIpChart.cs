using System.Globalization;
using NotebookHelpers.Detections;

namespace NotebookHelpers.Charts;

/// <summary>
/// Source addresses over time: one row per address (in order of first use), a dot per hour it made calls, sized by
/// the number of calls, with failed calls as an inner dot. A stolen key shows up as new addresses beside the key's
/// usual one; a second attacker address taking over after containment shows who kept working.
/// </summary>
public static class SourceIpChart
{
    /// <summary>The most addresses drawn on their own row; the rest share one row.</summary>
    public const int MaxAddresses = 25;

    /// <summary>The series of all calls.</summary>
    public const string CallsSeries = "calls";

    /// <summary>The series of failed calls.</summary>
    public const string FailedSeries = "failed calls";

    /// <summary>The address chart of <paramref name="activity"/>.</summary>
    /// <param name="activity">The calls to draw.</param>
    /// <param name="bucketSize">Dot width; an hour by default (a day beyond three weeks).</param>
    public static PlotlyFigure Create(KeyActivity activity, TimeSpan? bucketSize = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var events = activity.Events;
        var addresses = new Dictionary<string, AddressUse>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var ip = e.SourceIPAddress ?? "(none)";
            if (!addresses.TryGetValue(ip, out var use))
            {
                addresses[ip] = use = new AddressUse(ip, addresses.Count, e.EventTime);
            }

            use.Calls++;
            use.Failed += CloudTrailFacts.Succeeded(e) ? 0 : 1;
            if (e.UserAgent is { } agent)
            {
                use.Agents[agent] = use.Agents.GetValueOrDefault(agent) + 1;
            }
        }

        var known = KnownAddresses(activity);
        var kept = addresses.Values.OrderByDescending(a => a.Calls).ThenBy(a => a.Order).Take(MaxAddresses).ToHashSet();
        var others = addresses.Values.Where(a => !kept.Contains(a)).ToList();
        var otherLabel = string.Create(CultureInfo.InvariantCulture, $"other addresses ({others.Count:N0})");
        string Label(AddressUse? use) =>
            use is null ? otherLabel : known is not null && !known.Contains(use.Address) ? use.Address + " (new)" : use.Address;

        var rows = addresses.Values.Where(kept.Contains).OrderBy(a => a.Order).Select(a => Label(a)).ToList();
        if (others.Count > 0)
        {
            rows.Add(otherLabel);
        }

        var focus = activity.Focus;
        var bucket = bucketSize ?? (events.Count == 0 ? TimeSpan.FromHours(1) : ChartText.Bucket(focus, events[0].EventTime, events[^1].EventTime));
        var points = events
            .GroupBy(e => (Use: addresses[e.SourceIPAddress ?? "(none)"] is var u && kept.Contains(u) ? u : null, Bucket: ChartText.Floor(e.EventTime, bucket)))
            .Select(g => new Point(g.Key.Use, Label(g.Key.Use), g.Key.Bucket, g.Count(), g.Count(e => !CloudTrailFacts.Succeeded(e))))
            .OrderBy(p => p.Use?.Order ?? int.MaxValue)
            .ThenBy(p => p.Bucket)
            .ToList();
        var max = points.Count == 0 ? 1 : points.Max(p => p.Calls);

        var figure = new PlotlyFigure($"Source addresses per {ChartText.BucketWord(bucket)}: {activity.Label}");
        figure.Layout.XAxis.Type = "date";
        figure.Layout.XAxis.Title = new PlotlyTitle(ChartText.BucketWord(bucket) + " (UTC)");
        figure.Layout.YAxis.Type = "category";
        figure.Layout.YAxis.Title = new PlotlyTitle("source address, in order of first use");
        figure.Layout.YAxis.Extra["autorange"] = "reversed";
        figure.Layout.YAxis.Extra["categoryorder"] = "array";
        figure.Layout.YAxis.Extra["categoryarray"] = rows.Select(PlotlyText.Encode).ToList();
        figure.Layout.Height = Math.Max(320, 130 + (28 * rows.Count));
        figure.Layout.HoverMode = "closest";
        figure.Add(Markers(CallsSeries, points, p => p.Calls, max, ChartPalette.Success, bucket, others.Count));
        var failed = points.Where(p => p.Failed > 0).ToList();
        if (failed.Count > 0)
        {
            figure.Add(Markers(FailedSeries, failed, p => p.Failed, max, ChartPalette.Error, bucket, others.Count));
        }

        if (focus is { } window)
        {
            // Opens on the attack; the earlier, routine dots are a double-click away.
            figure.Layout.XAxis.Extra["range"] = new object[] { window.Start, window.End + TimeSpan.FromTicks(window.Length.Ticks / 12) };
        }

        TimeMarkers.AddTo(figure, activity.ContainmentMarkers);
        figure.Summary = Summarise(activity, addresses.Values.OrderBy(a => a.Order).ToList(), known);
        return figure;
    }

    private static PlotlyTrace Markers(string name, List<Point> points, Func<Point, int> value, int max, string color, TimeSpan bucket, int otherCount)
    {
        var trace = PlotlyTrace.Scatter(name, points.Select(p => p.Bucket), points.Select(p => PlotlyText.Encode(p.Label))).WithColor(color);
        trace.Marker!.Extra["size"] = points.Select(p => Math.Round(6 + (18 * Math.Sqrt((double)value(p) / max)), 1)).ToList();
        trace.Marker.Opacity = 0.85;
        return trace.WithHoverText(points.Select(p =>
        {
            var detail = p.Use is { } use
                ? $"<br>first seen {ChartText.Time(use.FirstSeen)} UTC" + string.Concat(use.TopAgents(2).Select(a => "<br>" + PlotlyText.Encode(ChartText.Shorten(a, 80))))
                : string.Create(CultureInfo.InvariantCulture, $"<br>{otherCount:N0} addresses");
            return string.Create(
                CultureInfo.InvariantCulture,
                $"<b>{PlotlyText.Encode(p.Label)}</b><br>{ChartText.Minute(p.Bucket)}–{(p.Bucket + bucket).UtcDateTime:HH:mm} UTC<br>{p.Calls:N0} calls, {p.Failed:N0} failed{detail}");
        }));
    }

    // Addresses anyone used before the baseline ended; null when the evidence has nothing earlier to compare with.
    private static HashSet<string>? KnownAddresses(KeyActivity activity)
    {
        if (activity.BaselineEnd is not { } end)
        {
            return null;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var e in activity.Index.Events.TakeWhile(e => e.EventTime < end))
        {
            any = true;
            if (e.SourceIPAddress is { } ip)
            {
                known.Add(ip);
            }
        }

        return any ? known : null;
    }

    private static string Summarise(KeyActivity activity, List<AddressUse> addresses, HashSet<string>? known)
    {
        if (addresses.Count == 0)
        {
            return $"{activity.Label}: no calls in the evidence.";
        }

        var text = $"{activity.Label}: calls from {ChartText.Count(addresses.Count, "source address", "source addresses")}.";
        if (known is null)
        {
            return text + " The evidence has nothing earlier to tell new addresses from known ones.";
        }

        var fresh = addresses.Where(a => !known.Contains(a.Address)).ToList();
        return fresh.Count == 0
            ? text + $" All were seen before {ChartText.Minute(activity.BaselineEnd!.Value)} UTC."
            : text + $" New since {ChartText.Minute(activity.BaselineEnd!.Value)} UTC: " +
              string.Join(", ", fresh.Take(10).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Address} ({a.Calls:N0} calls from {ChartText.Minute(a.FirstSeen)})")))
              + (fresh.Count > 10 ? $" and {fresh.Count - 10:N0} more." : ".");
    }

    private sealed record Point(AddressUse? Use, string Label, DateTimeOffset Bucket, int Calls, int Failed);

    private sealed class AddressUse(string address, int order, DateTimeOffset firstSeen)
    {
        public string Address { get; } = address;

        public int Order { get; } = order;

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public int Calls { get; set; }

        public int Failed { get; set; }

        public Dictionary<string, int> Agents { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> TopAgents(int count) =>
            Agents.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(count).Select(a => a.Key);
    }
}
