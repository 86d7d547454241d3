namespace NotebookHelpers.Charts;

/// <summary>Draws <see cref="TimeMarker"/>s on a time axis: a dashed line each, labels stepped down so close ones stay legible.</summary>
public static class TimeMarkers
{
    /// <summary>Adds <paramref name="markers"/> to <paramref name="figure"/> (its x axis must be a date axis).</summary>
    public static void AddTo(PlotlyFigure figure, IEnumerable<TimeMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(markers);
        var step = 0;
        var range = figure.Layout.XAxis.Extra.TryGetValue("range", out var r) && r is object[] { Length: 2 } ends && ends[0] is DateTimeOffset from && ends[1] is DateTimeOffset to
            ? (From: from, To: to)
            : ((DateTimeOffset From, DateTimeOffset To)?)null;
        foreach (var marker in markers)
        {
            // A label right of a line near the right edge would be cut off: those in the right half read leftwards.
            var leftwards = range is { } x && marker.Time - x.From > (x.To - x.From) / 2;
            figure.Layout.Shapes.Add(PlotlyShape.VerticalLine(marker.Time, ChartPalette.Marker));
            figure.Layout.Annotations.Add(new PlotlyAnnotation
            {
                Text = PlotlyText.Encode(marker.Label),
                X = marker.Time,
                Y = 1 - (0.07 * (step++ % 4)),
                XAnchor = leftwards ? "right" : "left",
                YAnchor = "top",
            });
        }
    }
}
