namespace NotebookHelpers.Charts;

/// <summary>
/// Draws <see cref="TimeMarker"/>s on a time axis: a dashed line each, labels stepped down so close ones stay legible;
/// markers too close to tell apart at the axis's range share one label that lists each with its time.
/// </summary>
public static class TimeMarkers
{
    /// <summary>Adds <paramref name="markers"/> to <paramref name="figure"/> (its x axis must be a date axis).</summary>
    public static void AddTo(PlotlyFigure figure, IEnumerable<TimeMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(markers);
        var range = figure.Layout.XAxis.Extra.TryGetValue("range", out var r) && r is object[] { Length: 2 } ends && ends[0] is DateTimeOffset from && ends[1] is DateTimeOffset to
            ? (From: from, To: to)
            : ((DateTimeOffset From, DateTimeOffset To)?)null;
        var ordered = markers.OrderBy(m => m.Time).ToList();

        // Markers closer than this on the axis would print their labels over each other: one label lists them all.
        var close = range is { } span ? TimeSpan.FromTicks((span.To - span.From).Ticks * 8 / 1000) : TimeSpan.Zero;
        var groups = new List<List<TimeMarker>>();
        foreach (var marker in ordered)
        {
            figure.Layout.Shapes.Add(PlotlyShape.VerticalLine(marker.Time, ChartPalette.Marker));
            if (groups.Count > 0 && marker.Time - groups[^1][^1].Time < close)
            {
                groups[^1].Add(marker);
            }
            else
            {
                groups.Add([marker]);
            }
        }

        var step = 0;
        foreach (var group in groups)
        {
            // A label right of a line near the right edge would be cut off: those in the right half read leftwards.
            var leftwards = range is { } x && group[0].Time - x.From > (x.To - x.From) / 2;
            figure.Layout.Annotations.Add(new PlotlyAnnotation
            {
                Text = group.Count == 1
                    ? PlotlyText.Encode(group[0].Label)
                    : string.Join("<br>", group.Select(m => PlotlyText.Encode($"{m.Label} {m.Time.UtcDateTime:HH:mm}Z"))),
                X = group[0].Time,
                Y = 1 - (0.07 * (step++ % 4)),
                XAnchor = leftwards ? "right" : "left",
                YAnchor = "top",
            });
        }
    }
}
