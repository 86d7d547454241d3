using System.Globalization;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The Java <c>DateTimeFormatter</c> patterns <c>parseDate</c> takes, for the letters CloudTrail, ALB, VPC flow,
/// access and syslog timestamps need: <c>y u</c> (year), <c>M L</c> (month: number, <c>MMM</c> Jan, <c>MMMM</c>
/// January), <c>d</c>, <c>D</c> (day of year), <c>H k K h a</c>, <c>m s</c>, <c>S…</c> (fraction, as many digits as
/// letters), <c>E</c> (day name, read and ignored), <c>X x Z</c> (offsets, <c>Z</c> for UTC), <c>z V</c> (zone names),
/// <c>'literal'</c>. Other letters (<c>Y</c> week-year, <c>G Q w W e c F n N A</c> …) and optional sections are
/// rejected when the query compiles. Parsing is strict: the whole text must match; a missing date part defaults to
/// 1970-01-01, a missing time to midnight, a missing zone to the zone argument (default UTC).
/// </summary>
public sealed class JavaDateTimePattern
{
    private static readonly string[] ShortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] LongMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] ShortDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] LongDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private const string Supported = "yuMLdDHkKhamsSEXxZzV";

    private readonly List<Part> _parts;

    private JavaDateTimePattern(string pattern, List<Part> parts)
    {
        Pattern = pattern;
        _parts = parts;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    /// <exception cref="FormatException">A letter or construct that is not supported; the message names it and its position.</exception>
    public static JavaDateTimePattern Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = new List<Part>();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = i + 1;
                var literal = new System.Text.StringBuilder();
                while (true)
                {
                    if (end >= pattern.Length)
                    {
                        throw new FormatException($"the quote at position {i + 1} of \"{pattern}\" is not closed.");
                    }

                    if (pattern[end] == '\'')
                    {
                        if (end + 1 < pattern.Length && pattern[end + 1] == '\'')
                        {
                            literal.Append('\'');
                            end += 2;
                            continue;
                        }

                        break;
                    }

                    literal.Append(pattern[end++]);
                }

                // '' outside a literal is one quote.
                parts.Add(new Part('\0', 0, end == i + 1 ? "'" : literal.ToString()));
                i = end + 1;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var n = 1;
                while (i + n < pattern.Length && pattern[i + n] == c)
                {
                    n++;
                }

                Check(pattern, c, n, i);
                parts.Add(new Part(c, n, null));
                i += n;
                continue;
            }

            if (c is '[' or ']' or '{' or '}' or '#')
            {
                throw new FormatException($"'{c}' at position {i + 1} of \"{pattern}\" (optional sections and reserved characters) is not supported offline.");
            }

            parts.Add(new Part('\0', 0, c.ToString()));
            i++;
        }

        return new JavaDateTimePattern(pattern, parts);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="zone"/> applies when the text carries no zone.</summary>
    public bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        time = default;
        var f = new Fields();
        var pos = 0;
        for (var p = 0; p < _parts.Count; p++)
        {
            var part = _parts[p];
            if (part.Literal is { } literal)
            {
                if (string.CompareOrdinal(text, pos, literal, 0, literal.Length) != 0 || pos + literal.Length > text.Length)
                {
                    return false;
                }

                pos += literal.Length;
                continue;
            }

            var adjacent = p + 1 < _parts.Count && _parts[p + 1].Literal is null && IsNumeric(_parts[p + 1]);
            if (!ReadField(text, ref pos, part, adjacent, ref f))
            {
                return false;
            }
        }

        return pos == text.Length && f.TryBuild(zone, out time);
    }

    private static void Check(string pattern, char c, int n, int at)
    {
        if (!Supported.Contains(c, StringComparison.Ordinal))
        {
            var hint = c switch
            {
                'Y' => " ('Y' is the week-based year: use 'y' or 'u')",
                'n' or 'N' => " (use S… for fractions of a second)",
                _ => "",
            };
            throw new FormatException($"the pattern letter '{c}' at position {at + 1} of \"{pattern}\" is not supported offline{hint}; supported: {Supported}.");
        }

        var tooMany = c switch
        {
            'M' or 'L' or 'E' => n > 4,
            'd' or 'H' or 'k' or 'K' or 'h' or 'm' or 's' => n > 2,
            'D' => n > 3,
            'a' => n > 1,
            'X' or 'x' => n > 3,
            'Z' => n is 4 or > 5,
            'z' => n > 4,
            'V' => n != 2,
            'S' => n > 9,
            _ => false,
        };
        if (tooMany)
        {
            throw new FormatException($"'{new string(c, n)}' at position {at + 1} of \"{pattern}\" is not a supported width of '{c}'.");
        }
    }

    private static bool IsNumeric(Part p) => p.Letter is 'y' or 'u' or 'd' or 'D' or 'H' or 'k' or 'K' or 'h' or 'm' or 's' or 'S'
        || (p.Letter is 'M' or 'L' && p.Count <= 2);

    private static bool ReadField(string text, ref int pos, Part part, bool adjacent, ref Fields f)
    {
        var n = part.Count;
        switch (part.Letter)
        {
            case 'y' or 'u':
                {
                    if (n == 2)
                    {
                        if (!ReadNumber(text, ref pos, 2, 2, out var yy))
                        {
                            return false;
                        }

                        f.Year = 2000 + yy;
                        return true;
                    }

                    var min = Math.Max(n, 1);
                    if (!ReadNumber(text, ref pos, min, adjacent ? min : 9, out var year))
                    {
                        return false;
                    }

                    f.Year = year;
                    return true;
                }

            case 'M' or 'L':
                if (n >= 3)
                {
                    var month = ReadName(text, ref pos, n == 3 ? ShortMonths : LongMonths);
                    f.Month = month + 1;
                    return month >= 0;
                }

                return ReadNumber(text, ref pos, n, 2, out f.Month);
            case 'd':
                return ReadNumber(text, ref pos, n, adjacent ? n : 2, out f.Day);
            case 'D':
                return ReadNumber(text, ref pos, n, adjacent ? n : 3, out f.DayOfYear);
            case 'H':
                return ReadNumber(text, ref pos, n, adjacent ? n : 2, out f.Hour);
            case 'k':
                if (!ReadNumber(text, ref pos, n, adjacent ? n : 2, out var k) || k is < 1 or > 24)
                {
                    return false;
                }

                f.Hour = k == 24 ? 0 : k;
                return true;
            case 'K' or 'h':
                if (!ReadNumber(text, ref pos, n, adjacent ? n : 2, out var h12))
                {
                    return false;
                }

                f.Hour12 = part.Letter == 'h' ? (h12 is < 1 or > 12 ? -1 : h12 % 12) : (h12 > 11 ? -1 : h12);
                return f.Hour12 >= 0;
            case 'a':
                {
                    var ampm = ReadName(text, ref pos, ["am", "pm"]);
                    f.Pm = ampm == 1;
                    f.HasAmPm = true;
                    return ampm >= 0;
                }

            case 'm':
                return ReadNumber(text, ref pos, n, adjacent ? n : 2, out f.Minute);
            case 's':
                return ReadNumber(text, ref pos, n, adjacent ? n : 2, out f.Second);
            case 'S':
                {
                    var start = pos;
                    if (!ReadNumber(text, ref pos, n, n, out var fraction))
                    {
                        return false;
                    }

                    f.FractionTicks = (long)(fraction * Math.Pow(10, 7 - (pos - start)));
                    return true;
                }

            case 'E':
                return ReadName(text, ref pos, n == 4 ? LongDays : ShortDays) >= 0;
            case 'X' or 'x' or 'Z':
                return ReadOffset(text, ref pos, allowZ: part.Letter != 'x', ref f);
            default:
                return ReadZoneName(text, ref pos, ref f);
        }
    }

    private static bool ReadNumber(string text, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < text.Length && pos - start < max && char.IsAsciiDigit(text[pos]))
        {
            value = (value * 10) + (text[pos] - '0');
            pos++;
        }

        return pos - start >= min;
    }

    private static int ReadName(string text, ref int pos, string[] names)
    {
        // Longest first, so "May" as a short name and "March" as a long name both read whole.
        foreach (var (name, index) in names.Select((n, i) => (n, i)).OrderByDescending(x => x.n.Length))
        {
            if (pos + name.Length <= text.Length && string.Compare(text, pos, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                pos += name.Length;
                return index;
            }
        }

        return -1;
    }

    private static bool ReadOffset(string text, ref int pos, bool allowZ, ref Fields f)
    {
        if (pos < text.Length && text[pos] == 'Z' && allowZ)
        {
            pos++;
            f.Offset = TimeSpan.Zero;
            return true;
        }

        var start = pos;
        if (pos >= text.Length || text[pos] is not ('+' or '-'))
        {
            return false;
        }

        pos++;
        while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == ':'))
        {
            pos++;
        }

        if (!TimeZoneArgument.TryParseOffset(text[start..pos], out var offset))
        {
            return false;
        }

        f.Offset = offset;
        return true;
    }

    private static bool ReadZoneName(string text, ref int pos, ref Fields f)
    {
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '/' or '_' or '+' or '-' or ':'))
        {
            pos++;
        }

        try
        {
            f.Zone = TimeZoneArgument.Parse(text[start..pos]);
            return pos > start;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record Part(char Letter, int Count, string? Literal);

    private struct Fields
    {
        public int Year;
        public int Month;
        public int Day;
        public int DayOfYear;
        public int Hour;
        public int Hour12;
        public bool HasAmPm;
        public bool Pm;
        public int Minute;
        public int Second;
        public long FractionTicks;
        public TimeSpan? Offset;
        public TimeZoneInfo? Zone;

        public readonly bool TryBuild(TimeZoneInfo defaultZone, out DateTimeOffset time)
        {
            time = default;
            var year = Year == 0 ? 1970 : Year;
            var hour = HasAmPm ? Hour12 + (Pm ? 12 : 0) : Hour;
            if (year is < 1 or > 9999 || hour > 23 || Minute > 59 || Second > 59)
            {
                return false;
            }

            DateTime date;
            if (DayOfYear > 0)
            {
                if (DayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
                {
                    return false;
                }

                date = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(DayOfYear - 1);
            }
            else
            {
                var month = Month == 0 ? 1 : Month;
                var day = Day == 0 ? 1 : Day;
                if (month > 12 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }

                date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            }

            var local = date.AddHours(hour).AddMinutes(Minute).AddSeconds(Second).AddTicks(FractionTicks);
            var offset = Offset ?? (Zone ?? defaultZone).GetUtcOffset(local);
            time = new DateTimeOffset(local, offset);
            return true;
        }
    }
}
