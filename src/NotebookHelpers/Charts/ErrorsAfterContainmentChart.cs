using System.Globalization;
using NotebookHelpers.Detections;
using NotebookHelpers.Events;

namespace NotebookHelpers.Charts;

/// <summary>
/// What happened after the key was contained, per ten minutes or hour and per key: the errors it got back (AccessDenied,
/// Client.UnauthorizedOperation: the attacker is still trying, and the containment holds) and the calls that still
/// succeeded. Successes after containment are the alarm: another key, a session or a console password the attacker
/// created is still working, or the deny does not cover everything (GetCallerIdentity is never denied).
/// </summary>
public static class ErrorsAfterContainmentChart
{
    /// <summary>The outcome of calls without an error code.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The chart of <paramref name="activity"/> after its first containment.</summary>
    /// <param name="activity">The calls to draw.</param>
    /// <param name="bucketSize">Bar width; ten minutes when the calls after containment span up to six hours, else an hour (a day beyond three weeks).</param>
    public static PlotlyFigure Create(KeyActivity activity, TimeSpan? bucketSize = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ContainedAt is not { } contained)
        {
            var empty = new PlotlyFigure($"Calls after containment: {activity.Label}");
            empty.Layout.Annotations.Add(new PlotlyAnnotation
            {
                Text = "No containment in the evidence: no key deactivation, deny-all or quarantine policy was found.",
                X = 0.5,
                Y = 0.5,
                XRef = "paper",
                XAnchor = "center",
                YAnchor = "middle",
            });
            empty.Layout.XAxis.Extra["visible"] = false;
            empty.Layout.YAxis.Extra["visible"] = false;
            empty.Summary = $"{activity.Label}: no containment in the evidence, so there is no 'after'. Contain the key (notebook 02) and look again.";
            return empty;
        }

        var after = activity.Events.Where(e => e.EventTime >= contained).ToList();
        // Ten-minute bars when the calls after containment span a few hours, so the bars start after the marker.
        var span = after.Count == 0 ? TimeSpan.Zero : after[^1].EventTime - contained;
        var bucket = bucketSize ?? (span <= TimeSpan.FromHours(6) ? TimeSpan.FromMinutes(10) : ChartText.Bucket(contained, after[^1].EventTime));
        var callers = after.Select(Caller).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var multipleKeys = callers.Count > 1;
        string Series(CloudTrailEvent e)
        {
            var outcome = CloudTrailFacts.Succeeded(e) ? Succeeded : e.ErrorCode!;
            return multipleKeys ? $"{Caller(e)}: {outcome}" : outcome;
        }

        // Successes first (the alarm), then errors by frequency. Each series keeps its outcome's colour (blue for
        // succeeded, the error code's own colour) and, with several callers, gets its caller's fill pattern.
        var groups = after.GroupBy(Series, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count(), Ok: CloudTrailFacts.Succeeded(g.First()), g.First().ErrorCode, Caller: Caller(g.First())))
            .OrderByDescending(s => s.Ok)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var order = groups.Select(s => s.Name).ToList();
        var histogram = TimeHistogram.Build(after, e => e.EventTime, Series, bucket, seriesOrder: order, start: contained);
        var colours = groups.ToDictionary(g => g.Name, g => ChartPalette.ForErrorCode(g.Ok ? null : g.ErrorCode), StringComparer.Ordinal);
        var figure = histogram.ToStackedBars($"Calls after containment ({ChartText.Minute(contained)} UTC): {activity.Label}", "calls", name => colours[name]);
        if (multipleKeys)
        {
            var callerOf = groups.ToDictionary(g => PlotlyText.Encode(g.Name), g => g.Caller, StringComparer.Ordinal);
            foreach (var trace in figure.Data.Where(t => t.Name is not null && callerOf.ContainsKey(t.Name)))
            {
                var pattern = ChartPalette.PatternFor(callers.IndexOf(callerOf[trace.Name!]));
                if (pattern.Length > 0)
                {
                    trace.Marker ??= new PlotlyMarker();
                    trace.Marker.Extra["pattern"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["shape"] = pattern, ["fgcolor"] = "#ffffff", ["solidity"] = 0.35 };
                }
            }
        }

        ChartText.SizeBars(figure, histogram, activity.ContainmentMarkers);
        TimeMarkers.AddTo(figure, activity.ContainmentMarkers);
        var succeeded = after.Where(CloudTrailFacts.Succeeded).ToList();
        var failed = after.Count - succeeded.Count;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{activity.Label}: {ChartText.Count(after.Count, "call")} after the first containment at {ChartText.Time(contained)} UTC: {failed:N0} failed, {succeeded.Count:N0} succeeded.");
        if (succeeded.Count > 0)
        {
            var who = succeeded.GroupBy(Caller, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count():N0}, last {ChartText.Minute(g.Max(e => e.EventTime))})"))
                .OrderBy(s => s, StringComparer.Ordinal);
            text += " Still working: " + string.Join(", ", who) + ".";
        }

        figure.Summary = text;
        return figure;
    }

    private static string Caller(CloudTrailEvent e) =>
        (e.EventName == "ConsoleLogin" || CloudTrailFacts.IsConsoleSession(e)) && e.UserIdentity?.UserName is { } user ? "console of " + user
        : e.UserIdentity?.AccessKeyId is { Length: > 0 } key ? key
        : "(unknown caller)";
}
