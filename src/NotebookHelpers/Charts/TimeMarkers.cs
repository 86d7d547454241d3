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
        foreach (var marker in markers)
        {
            figure.Layout.Shapes.Add(PlotlyShape.VerticalLine(marker.Time, ChartPalette.Marker));
            figure.Layout.Annotations.Add(new PlotlyAnnotation
            {
                Text = PlotlyText.Encode(marker.Label),
                X = marker.Time,
                Y = 1 - (0.07 * (step++ % 4)),
                XAnchor = "left",
                YAnchor = "top",
            });
        }
    }
}
