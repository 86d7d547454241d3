using System.Globalization;
using NotebookHelpers.Detections;

namespace NotebookHelpers.Charts;

/// <summary>
/// Calls per region, regions the evidence never saw used before the first suspicious call highlighted. Attackers
/// mine and hide in regions the account does not use, where nobody looks; a bar in a new region is a place to sweep
/// for instances, key pairs and security groups (in every region, as the article says).
/// </summary>
public static class RegionActivityChart
{
    /// <summary>The series of regions with activity in the evidence before the baseline ended.</summary>
    public const string KnownSeries = "region in use before";

    /// <summary>The series of regions first used by the investigated keys.</summary>
    public const string NewSeries = "region never used before";

    /// <summary>The series when the evidence has nothing before the baseline to compare with.</summary>
    public const string UncomparedSeries = "region (no earlier evidence to compare)";

    /// <summary>The region chart of <paramref name="activity"/>.</summary>
    public static PlotlyFigure Create(KeyActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var regions = new Dictionary<string, (int Calls, int Failed, DateTimeOffset First, DateTimeOffset Last, int Order)>(StringComparer.Ordinal);
        foreach (var e in activity.Events)
        {
            var region = e.AwsRegion ?? "(none)";
            var failed = CloudTrailFacts.Succeeded(e) ? 0 : 1;
            regions[region] = regions.TryGetValue(region, out var r)
                ? (r.Calls + 1, r.Failed + failed, r.First, e.EventTime, r.Order)
                : (1, failed, e.EventTime, e.EventTime, regions.Count);
        }

        var baselineEnd = activity.BaselineEnd;
        var known = new HashSet<string>(StringComparer.Ordinal);
        var comparable = false;
        foreach (var e in baselineEnd is { } end ? activity.Index.Events.TakeWhile(e => e.EventTime < end) : [])
        {
            comparable = true;
            if (e.AwsRegion is { } region)
            {
                known.Add(region);
            }
        }

        var ordered = regions.OrderBy(r => r.Value.Order).ToList();
        var figure = new PlotlyFigure($"Calls per region: {activity.Label}");
        figure.Layout.BarMode = "stack";
        figure.Layout.XAxis.Title = new PlotlyTitle("calls");
        figure.Layout.XAxis.RangeMode = "tozero";
        figure.Layout.YAxis.Type = "category";
        figure.Layout.YAxis.Title = new PlotlyTitle("region, in order of first use");
        // First used on top.
        figure.Layout.YAxis.Extra["autorange"] = "reversed";
        figure.Layout.YAxis.Extra["categoryorder"] = "array";
        figure.Layout.YAxis.Extra["categoryarray"] = ordered.Select(r => PlotlyText.Encode(r.Key)).ToList();
        figure.Layout.Height = Math.Max(320, 110 + (24 * ordered.Count));

        var groups = comparable
            ? new[] { (Name: KnownSeries, Color: ChartPalette.Success, Rows: ordered.Where(r => known.Contains(r.Key)).ToList()), (Name: NewSeries, Color: ChartPalette.Error, Rows: ordered.Where(r => !known.Contains(r.Key)).ToList()) }
            : [(Name: UncomparedSeries, Color: ChartPalette.Neutral, Rows: ordered)];
        foreach (var (name, color, rows) in groups.Where(g => g.Rows.Count > 0))
        {
            var hover = rows.Select(r => string.Create(
                CultureInfo.InvariantCulture,
                $"<b>{PlotlyText.Encode(r.Key)}</b><br>{r.Value.Calls:N0} calls, {r.Value.Failed:N0} failed<br>first {ChartText.Time(r.Value.First)}<br>last {ChartText.Time(r.Value.Last)}<br>{name}"));
            figure.Add(PlotlyTrace.HorizontalBar(name, rows.Select(r => PlotlyText.Encode(r.Key)), rows.Select(r => r.Value.Calls))
                .WithColor(color)
                .WithHoverText(hover));
        }

        figure.Summary = Summarise(activity, ordered.Select(r => r.Key).ToList(), known, comparable, baselineEnd);
        return figure;
    }

    private static string Summarise(KeyActivity activity, List<string> regions, HashSet<string> known, bool comparable, DateTimeOffset? baselineEnd)
    {
        if (regions.Count == 0)
        {
            return $"{activity.Label}: no calls in the evidence.";
        }

        var text = $"{activity.Label}: calls in {ChartText.Count(regions.Count, "region")}.";
        if (!comparable)
        {
            return text + $" The evidence has no event before {ChartText.Minute(baselineEnd!.Value)}, so no region can be called new: load earlier logs to compare.";
        }

        var fresh = regions.Where(r => !known.Contains(r)).ToList();
        return fresh.Count == 0
            ? text + $" All of them were in use before {ChartText.Minute(baselineEnd!.Value)}."
            : text + $" {ChartText.Count(fresh.Count, "region")} had no activity in the evidence before {ChartText.Minute(baselineEnd!.Value)}: {string.Join(", ", fresh)}.";
    }
}
