using System.Globalization;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Charts;

/// <summary>A moment drawn as a vertical line on a timeline, e.g. when the key was disabled.</summary>
/// <param name="Time">When.</param>
/// <param name="Label">What happened; shown next to the line.</param>
public sealed record TimeMarker(DateTimeOffset Time, string Label)
{
    /// <summary>
    /// One marker per row of <paramref name="results"/>: the time from <c>@timestamp</c> (or <c>eventTime</c>), the
    /// label from the values of <paramref name="labelFields"/> present in the row, e.g.
    /// <c>FromQueryResults(containment, "eventName", "requestParameters.status")</c> gives "UpdateAccessKey Inactive".
    /// </summary>
    /// <exception cref="ArgumentException">A row has no parsable time.</exception>
    public static IReadOnlyList<TimeMarker> FromQueryResults(QueryResults results, params string[] labelFields)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(labelFields);
        var markers = new List<TimeMarker>(results.Rows.Count);
        for (var r = 0; r < results.Rows.Count; r++)
        {
            var row = results.Rows[r];
            var text = row.Get("@timestamp") ?? row.Get("eventTime");
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                throw new ArgumentException($"Row {r + 1} has no @timestamp or eventTime to place a marker at.", nameof(results));
            }

            markers.Add(new TimeMarker(time, string.Join(' ', labelFields.Select(row.Get).OfType<string>())));
        }

        return markers;
    }
}
