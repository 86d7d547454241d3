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
}
