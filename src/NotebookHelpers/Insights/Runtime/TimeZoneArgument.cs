using System.Globalization;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The time-zone argument of <c>parseDate</c> and <c>formatDate</c>: <c>UTC</c>/<c>GMT</c>/<c>Z</c>, a fixed
/// offset (<c>+05:30</c>, <c>-0800</c>), or an IANA zone id (<c>Europe/Paris</c>).
/// </summary>
public static class TimeZoneArgument
{
    /// <summary>Resolves <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text names no zone; the message says what is accepted.</exception>
    public static TimeZoneInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("UTC", StringComparison.OrdinalIgnoreCase) || t.Equals("GMT", StringComparison.OrdinalIgnoreCase)
            || t.Equals("Z", StringComparison.OrdinalIgnoreCase) || t.Equals("UT", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (TryParseOffset(t, out var offset))
        {
            return TimeZoneInfo.CreateCustomTimeZone(t, offset, t, t);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(t);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"'{text}' is not a time zone: use UTC, an offset such as +05:30, or a zone id such as Europe/Paris.", e);
        }
    }

    /// <summary>Parses <c>+HH</c>, <c>+HHmm</c>, <c>+HH:mm</c> (and the same after <c>UTC</c>/<c>GMT</c>).</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = default;
        var t = text;
        if (t.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || t.StartsWith("GMT", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..];
        }

        if (t.Length < 3 || t[0] is not ('+' or '-'))
        {
            return false;
        }

        var digits = t[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is not (2 or 4) || !digits.All(char.IsAsciiDigit) || (t.Contains(':', StringComparison.Ordinal) && t.IndexOf(':', StringComparison.Ordinal) != 3))
        {
            return false;
        }

        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 18 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (t[0] == '-' ? -1 : 1);
        return true;
    }
}
