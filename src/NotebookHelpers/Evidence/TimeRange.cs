using System.Globalization;

namespace NotebookHelpers.Evidence;

/// <summary>
/// A closed time interval over event time, either end open when null. Both ends are inclusive, as StartQuery's
/// <c>startTime</c>/<c>endTime</c> are. <see cref="All"/> selects every event.
/// </summary>
/// <param name="Start">The earliest event time selected, or null for no lower bound.</param>
/// <param name="End">The latest event time selected, or null for no upper bound.</param>
public readonly record struct TimeRange(DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>Every event, whatever its time.</summary>
    public static TimeRange All { get; } = new(null, null);

    /// <summary>True when neither end is bounded.</summary>
    public bool IsUnbounded => Start is null && End is null;

    /// <summary>True when <paramref name="time"/> lies inside the range (ends included).</summary>
    public bool Contains(DateTimeOffset time) =>
        (Start is not { } s || time >= s) && (End is not { } e || time <= e);

    /// <summary>
    /// Parses user input for each end: ISO 8601 (<c>2023-07-10T11:42:18Z</c>, a date alone meaning its midnight UTC,
    /// no zone meaning UTC), epoch seconds, <c>now</c>, or <c>now-7d</c> / <c>now-36h</c> / <c>now-90m</c> / <c>now-30s</c>.
    /// Null or empty means unbounded.
    /// </summary>
    /// <exception cref="FormatException">An end is not a time; the message names it.</exception>
    public static TimeRange Parse(string? start, string? end) => Parse(start, end, DateTimeOffset.UtcNow);

    /// <summary>As <see cref="Parse(string?, string?)"/>, with <c>now</c> fixed (for tests and reproducible runs).</summary>
    /// <exception cref="FormatException">An end is not a time; the message names it.</exception>
    public static TimeRange Parse(string? start, string? end, DateTimeOffset now)
    {
        var range = new TimeRange(ParseEnd(start, "start", now), ParseEnd(end, "end", now));
        if (range is { Start: { } s, End: { } e } && s > e)
        {
            throw new FormatException($"the start {s:O} is after the end {e:O}.");
        }

        return range;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Events.UtcTime.Text(Start) ?? "-∞"} .. {Events.UtcTime.Text(End) ?? "+∞"}";

    private static DateTimeOffset? ParseEnd(string? text, string which, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.StartsWith("now", StringComparison.OrdinalIgnoreCase))
        {
            return ParseRelative(text, which, now.ToUniversalTime());
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        throw new FormatException($"the {which} time '{text}' is neither ISO 8601 (2023-07-10T11:42:18Z), epoch seconds, nor now-7d/now-36h.");
    }

    private static DateTimeOffset ParseRelative(string text, string which, DateTimeOffset now)
    {
        var rest = text.AsSpan(3).Trim();
        if (rest.IsEmpty)
        {
            return now;
        }

        if (rest.Length >= 3 && rest[0] == '-' &&
            long.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 36_500L * 86_400)
        {
            TimeSpan? span = char.ToLowerInvariant(rest[^1]) switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                's' => TimeSpan.FromSeconds(amount),
                _ => null,
            };
            if (span is { } ago && ago <= now - DateTimeOffset.MinValue)
            {
                return now - ago;
            }
        }

        throw new FormatException($"the {which} time '{text}' is not a relative time: use now, now-7d, now-36h, now-90m or now-30s.");
    }
}
