using System.Globalization;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Charts;

/// <summary>
/// A stacked timeline from a Logs Insights <c>stats … by bin(…)</c> result, e.g.
/// <c>stats count(*) as events by bin(1d) as day, eventCategory</c>: one bar per bucket, one colour per value of the
/// series field. Works the same on offline and live results.
/// </summary>
public static class TimelineChart
{
    /// <summary>The chart of <paramref name="results"/>.</summary>
    /// <param name="results">The query results.</param>
    /// <param name="timeField">The bucket field, e.g. <c>day</c> or <c>bin(1h)</c>.</param>
    /// <param name="countField">The count field, e.g. <c>events</c>.</param>
    /// <param name="seriesField">The field that splits bars into colours; null for one series.</param>
    /// <param name="bucketSize">The bin width the query used.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">A row lacks the time or count, or a value does not parse.</exception>
    public static PlotlyFigure FromQueryResults(QueryResults results, string timeField, string countField, string? seriesField, TimeSpan bucketSize, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new List<(DateTimeOffset Time, string Series, long Count)>(results.Rows.Count);
        for (var r = 0; r < results.Rows.Count; r++)
        {
            var row = results.Rows[r];
            var time = row.Get(timeField) ?? throw new ArgumentException($"Row {r + 1} has no '{timeField}' field.", nameof(timeField));
            var count = row.Get(countField) ?? throw new ArgumentException($"Row {r + 1} has no '{countField}' field.", nameof(countField));
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new ArgumentException($"Row {r + 1}: '{time}' is not a time.", nameof(results));
            }

            if (!double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                throw new ArgumentException($"Row {r + 1}: '{count}' is not a number.", nameof(results));
            }

            var series = seriesField is null ? countField : row.Get(seriesField) ?? "(none)";
            rows.Add((at, series, (long)Math.Round(n)));
        }

        var histogram = TimeHistogram.Build(rows, x => x.Time, x => x.Series, bucketSize, weight: x => x.Count);
        var figure = histogram.ToStackedBars(title, countField);
        figure.Summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{histogram.Total:N0} {countField} in {histogram.Buckets.Count:N0} buckets; {string.Join(", ", histogram.Series.Select(s => $"{s.Name} {s.Total:N0}"))}.");
        return figure;
    }
}
