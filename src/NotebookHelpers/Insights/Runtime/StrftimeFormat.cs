using System.Globalization;
using System.Text;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The strftime formats <c>formatDate</c> (alias <c>strftime</c>) takes: the POSIX conversions <c>%a %A %b %h %B %c
/// %C %d %D %e %F %H %I %j %k %l %m %M %n %p %r %R %s %S %t %T %u %w %y %Y %z %Z %%</c>, in English, as the C locale
/// prints them. Other conversions (<c>%E…</c>, <c>%O…</c>, week numbers, <c>%L</c> …) are rejected when the query
/// compiles, so a query that runs offline does not print something else on AWS.
/// </summary>
public sealed class StrftimeFormat
{
    private const string Conversions = "aAbhBcCdDeFHIjklmMnprRsStTuwyYzZ%";
    private readonly string _format;

    private StrftimeFormat(string format) => _format = format;

    /// <summary>Compiles <paramref name="format"/>.</summary>
    /// <exception cref="FormatException">An unsupported conversion; the message names it and its position.</exception>
    public static StrftimeFormat Compile(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            if (i + 1 >= format.Length)
            {
                throw new FormatException($"\"{format}\" ends with a lone '%'; write %% for a percent sign.");
            }

            if (!Conversions.Contains(format[i + 1], StringComparison.Ordinal))
            {
                throw new FormatException($"the conversion %{format[i + 1]} at position {i + 1} of \"{format}\" is not supported offline; supported: {string.Join(" ", Conversions.Select(c => "%" + c))}.");
            }

            i++;
        }

        return new StrftimeFormat(format);
    }

    /// <summary>Formats <paramref name="time"/> in <paramref name="zone"/>.</summary>
    public string Format(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var text = new StringBuilder(_format.Length * 2);
        Append(text, _format, local, zone);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string format, DateTimeOffset t, TimeZoneInfo zone)
    {
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                text.Append(format[i]);
                continue;
            }

            var hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
            switch (format[++i])
            {
                case 'a': text.Append(t.ToString("ddd", c)); break;
                case 'A': text.Append(t.ToString("dddd", c)); break;
                case 'b' or 'h': text.Append(t.ToString("MMM", c)); break;
                case 'B': text.Append(t.ToString("MMMM", c)); break;
                case 'c': Append(text, "%a %b %e %H:%M:%S %Y", t, zone); break;
                case 'C': text.Append((t.Year / 100).ToString("00", c)); break;
                case 'd': text.Append(t.Day.ToString("00", c)); break;
                case 'D': Append(text, "%m/%d/%y", t, zone); break;
                case 'e': text.Append(t.Day.ToString(c).PadLeft(2)); break;
                case 'F': Append(text, "%Y-%m-%d", t, zone); break;
                case 'H': text.Append(t.Hour.ToString("00", c)); break;
                case 'I': text.Append(hour12.ToString("00", c)); break;
                case 'j': text.Append(t.DayOfYear.ToString("000", c)); break;
                case 'k': text.Append(t.Hour.ToString(c).PadLeft(2)); break;
                case 'l': text.Append(hour12.ToString(c).PadLeft(2)); break;
                case 'm': text.Append(t.Month.ToString("00", c)); break;
                case 'M': text.Append(t.Minute.ToString("00", c)); break;
                case 'n': text.Append('\n'); break;
                case 'p': text.Append(t.Hour < 12 ? "AM" : "PM"); break;
                case 'r': Append(text, "%I:%M:%S %p", t, zone); break;
                case 'R': Append(text, "%H:%M", t, zone); break;
                case 's': text.Append(t.ToUnixTimeSeconds().ToString(c)); break;
                case 'S': text.Append(t.Second.ToString("00", c)); break;
                case 't': text.Append('\t'); break;
                case 'T': Append(text, "%H:%M:%S", t, zone); break;
                case 'u': text.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); break;
                case 'w': text.Append((int)t.DayOfWeek); break;
                case 'y': text.Append((t.Year % 100).ToString("00", c)); break;
                case 'Y': text.Append(t.Year.ToString(c)); break;
                case 'z': text.Append(t.Offset < TimeSpan.Zero ? '-' : '+').Append(t.Offset.Duration().ToString("hhmm", c)); break;
                case 'Z': text.Append(zone == TimeZoneInfo.Utc ? "UTC" : zone.IsDaylightSavingTime(t) ? zone.DaylightName : zone.StandardName); break;
                default: text.Append('%'); break;
            }
        }
    }
}
