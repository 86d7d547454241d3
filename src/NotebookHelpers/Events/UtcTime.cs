using System.Globalization;

namespace NotebookHelpers.Events;

/// <summary>
/// The one way people-facing outputs (reports, tables, findings, the write-up) show a point in time: ISO 8601 in UTC
/// with a <c>Z</c>, to the second (<c>2025-03-11T09:52:14Z</c>), so a reader never wonders which zone a time is in and
/// every time sorts as text. Machine formats (plotly.js dates, Logs Insights' <c>@timestamp</c>) keep their own.
/// </summary>
public static class UtcTime
{
    /// <summary>The format string: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary><paramref name="time"/> in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary><paramref name="time"/> in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>, or null.</summary>
    public static string? Text(DateTimeOffset? time) => time is { } t ? Text(t) : null;

    /// <summary>
    /// A query result value as tables (notebook and terminal) show it: a Logs Insights time
    /// (<c>yyyy-MM-dd HH:mm:ss.fff</c>, UTC: <c>@timestamp</c>, <c>bin()</c>, <c>earliest()</c>) in this format, with
    /// its milliseconds when it has any (<c>…:14.250Z</c>); any other value unchanged. CSV and JSON keep the raw value.
    /// </summary>
    public static string? OfResultValue(string? value)
    {
        if (value is not { Length: 23 } || !DateTime.TryParseExact(value, Insights.Runtime.Coerce.TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return value;
        }

        return time.Millisecond == 0 ? Text(new DateTimeOffset(time)) : time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
