using System.Globalization;

namespace NotebookHelpers.Events;

/// <summary>
/// Parses the timestamps CloudTrail and its shippers write (<c>2021-07-28T15:28:12Z</c>,
/// <c>2020-09-14T00:44:23.000Z</c>, <c>2021-11-18T09:41:02-08:00</c>) into UTC without allocating.
/// The common shapes take a hand-written path because readers parse one per record; anything else falls back to
/// <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/>.
/// </summary>
public static class CloudTrailTimestamp
{
    /// <summary>
    /// The earliest time a CloudTrail event can carry: the service launched on 13 November 2013. An earlier time
    /// (0001-01-01, the Unix epoch) is a forged or damaged record.
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(2013, 11, 13, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past the reader's clock an event time may lie (clock skew) before it is implausible.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>
    /// Why an event time cannot be a real CloudTrail time (before <see cref="Earliest"/>, or more than
    /// <see cref="FutureTolerance"/> after <paramref name="now"/>), or null when it can.
    /// </summary>
    public static string? Implausible(DateTimeOffset time, DateTimeOffset now) =>
        time < Earliest ? $"event time {UtcTime.Text(time)} is before CloudTrail existed (2013-11-13)"
        : time > now + FutureTolerance ? $"event time {UtcTime.Text(time)} is in the future (the clock says {UtcTime.Text(now)})"
        : null;

    /// <summary>Parses UTF-8 text. A time without a zone is taken as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        if (TryParseIso(utf8, out value))
        {
            return true;
        }

        if (utf8.Length is 0 or > 64)
        {
            value = default;
            return false;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] > 0x7F)
            {
                value = default;
                return false;
            }

            chars[i] = (char)utf8[i];
        }

        return TryParse(chars, out value);
    }

    /// <summary>Parses text. A time without a zone is taken as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (text.Length <= 64)
        {
            Span<byte> bytes = stackalloc byte[text.Length];
            var ascii = true;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] > 0x7F)
                {
                    ascii = false;
                    break;
                }

                bytes[i] = (byte)text[i];
            }

            if (ascii && TryParseIso(bytes, out value))
            {
                return true;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    // yyyy-MM-ddTHH:mm:ss[.f{1,7}](Z|±HH:mm)?  (a space instead of T is accepted: CloudWatch Logs prints that way)
    private static bool TryParseIso(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var pos = 19;
        long ticks = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            var start = pos;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
            {
                if (pos - start < 7)
                {
                    scale /= 10;
                    ticks += (s[pos] - '0') * scale;
                }

                pos++;
            }

            if (pos == start)
            {
                return false;
            }
        }

        var offset = TimeSpan.Zero;
        if (pos < s.Length)
        {
            if (s[pos] == 'Z' && pos + 1 == s.Length)
            {
                pos++;
            }
            else if ((s[pos] == '+' || s[pos] == '-') && s.Length - pos == 6 && s[pos + 3] == ':' &&
                     Digits(s, pos + 1, 2, out var oh) && Digits(s, pos + 4, 2, out var om) && oh <= 14 && om < 60)
            {
                offset = new TimeSpan(oh, om, 0);
                if (s[pos] == '-')
                {
                    offset = -offset;
                }

                pos += 6;
            }
            else
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utc = local - offset;
        if (utc.Year is < 1 or > 9998)
        {
            return false;
        }

        value = new DateTimeOffset(utc.Ticks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }
}
