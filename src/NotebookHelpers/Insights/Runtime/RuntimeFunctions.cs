using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// The scalar functions as plain static methods over <see cref="Value"/>s. A missing argument gives a missing result
/// unless the function is about presence (<c>ispresent</c>, <c>isempty</c>, <c>isblank</c>, <c>coalesce</c>).
/// Functions that AWS documents as returning 1/0 (<c>isempty</c>, <c>strcontains</c>…) return numbers; <c>ispresent</c>
/// and the IP predicates return booleans (both print as 1/0).
/// </summary>
public static class RuntimeFunctions
{
    // ---- general

    /// <summary><c>ispresent(f)</c>: the field has a value.</summary>
    public static Value IsPresent(Value v) => Value.FromBoolean(!v.IsMissing);

    /// <summary><c>isempty(f)</c>: 1 when missing or the empty string.</summary>
    public static Value IsEmpty(Value v) => Flag(Coerce.ToText(v) is not { Length: > 0 });

    /// <summary><c>isblank(f)</c>: 1 when missing, empty or only white space.</summary>
    public static Value IsBlank(Value v) => Flag(v.IsMissing || string.IsNullOrWhiteSpace(Coerce.ToText(v)));

    /// <summary><c>coalesce(a, b, …)</c>: the first present value.</summary>
    public static Value Coalesce(Value[] args) => args.FirstOrDefault(a => !a.IsMissing);

    /// <summary><c>greatest(a, b, …)</c>: the largest present value.</summary>
    public static Value Greatest(Value[] args) => Extreme(args, 1);

    /// <summary><c>least(a, b, …)</c>: the smallest present value.</summary>
    public static Value Least(Value[] args) => Extreme(args, -1);

    /// <summary><c>if(condition, then, else)</c>.</summary>
    public static Value If(Value condition, Value then, Value otherwise) => Coerce.IsTrue(condition) ? then : otherwise;

    /// <summary><c>isNumeric(f)</c>: 1 when the value is a number or a string that parses as one.</summary>
    public static Value IsNumeric(Value v) => Flag(Coerce.TryNumber(v, out _) && v.Kind != ValueKind.Timestamp);

    // ---- numeric

    /// <summary><c>abs(n)</c>.</summary>
    public static Value Abs(Value v) => Numeric(v, Math.Abs);

    /// <summary><c>ceil(n)</c>.</summary>
    public static Value Ceil(Value v) => Numeric(v, Math.Ceiling);

    /// <summary><c>floor(n)</c>.</summary>
    public static Value Floor(Value v) => Numeric(v, Math.Floor);

    /// <summary><c>log(n)</c>: natural logarithm; missing for n ≤ 0.</summary>
    public static Value Log(Value v) => Numeric(v, Math.Log);

    /// <summary><c>sqrt(n)</c>; missing for n &lt; 0.</summary>
    public static Value Sqrt(Value v) => Numeric(v, Math.Sqrt);

    /// <summary><c>round(n[, digits])</c>: half away from zero.</summary>
    public static Value Round(Value v, Value digits)
    {
        if (!Coerce.TryNumber(v, out var n))
        {
            return Value.Missing;
        }

        var d = digits.IsMissing ? 0 : Coerce.TryNumber(digits, out var dd) ? (int)dd : -1;
        return d is < 0 or > 15 ? Value.Missing : Value.FromNumber(Math.Round(n, d, MidpointRounding.AwayFromZero));
    }

    // ---- conversion

    /// <summary><c>toNumber(s)</c>: the number a string holds, else missing.</summary>
    public static Value ToNumber(Value v) => Coerce.TryNumber(v, out var n) ? Value.FromNumber(n) : Value.Missing;

    /// <summary><c>toInt(s)</c>: a 32-bit integer (truncated), else missing.</summary>
    public static Value ToInt(Value v) =>
        Coerce.TryNumber(v, out var n) && n is >= int.MinValue and <= int.MaxValue ? Value.FromNumber(Math.Truncate(n)) : Value.Missing;

    /// <summary><c>toLong(s)</c>: a 64-bit integer (truncated), else missing.</summary>
    public static Value ToLong(Value v) =>
        Coerce.TryNumber(v, out var n) && n is >= long.MinValue and <= long.MaxValue ? Value.FromNumber(Math.Truncate(n)) : Value.Missing;

    /// <summary><c>toDouble(s)</c>.</summary>
    public static Value ToDouble(Value v) => ToNumber(v);

    /// <summary><c>toString(v)</c>: the display text.</summary>
    public static Value ToStringValue(Value v) => Value.FromString(Coerce.ToText(v));

    // ---- datetime

    /// <summary><c>fromMillis(n)</c>: epoch milliseconds to a timestamp.</summary>
    public static Value FromMillis(Value v) => Coerce.TryNumber(v, out var n) ? Value.FromEpochMilliseconds(n) : Value.Missing;

    /// <summary><c>toMillis(ts)</c>: a timestamp to epoch milliseconds.</summary>
    public static Value ToMillis(Value v) => Coerce.TryTimestamp(v, out var ms) ? Value.FromNumber(ms) : Value.Missing;

    /// <summary><c>datefloor(ts, period)</c>.</summary>
    public static Value DateFloor(Value v, Period period) =>
        Coerce.TryTimestamp(v, out var ms) ? Value.FromEpochMilliseconds(period.Floor(ms)) : Value.Missing;

    /// <summary><c>dateceil(ts, period)</c>.</summary>
    public static Value DateCeil(Value v, Period period) =>
        Coerce.TryTimestamp(v, out var ms) ? Value.FromEpochMilliseconds(period.Ceiling(ms)) : Value.Missing;

    // ---- string

    /// <summary><c>concat(a, b, …)</c>: missing arguments contribute nothing.</summary>
    public static Value Concat(Value[] args)
    {
        var sb = new StringBuilder();
        foreach (var a in args)
        {
            sb.Append(Coerce.ToText(a));
        }

        return Value.FromString(sb.ToString());
    }

    /// <summary><c>strlen(s)</c>: Unicode code points.</summary>
    public static Value StrLen(Value v) => Text(v, s => Value.FromNumber(CodePoints(s)));

    /// <summary><c>toupper(s)</c>.</summary>
    public static Value ToUpper(Value v) => Text(v, s => Value.FromString(s.ToUpperInvariant()));

    /// <summary><c>tolower(s)</c>.</summary>
    public static Value ToLower(Value v) => Text(v, s => Value.FromString(s.ToLowerInvariant()));

    /// <summary><c>trim(s[, chars])</c>: strips white space, or any of <c>chars</c>, from both ends.</summary>
    public static Value Trim(Value v, Value chars) => TrimWith(v, chars, (s, c) => c is null ? s.Trim() : s.Trim(c));

    /// <summary><c>ltrim(s[, chars])</c>.</summary>
    public static Value LTrim(Value v, Value chars) => TrimWith(v, chars, (s, c) => c is null ? s.TrimStart() : s.TrimStart(c));

    /// <summary><c>rtrim(s[, chars])</c>.</summary>
    public static Value RTrim(Value v, Value chars) => TrimWith(v, chars, (s, c) => c is null ? s.TrimEnd() : s.TrimEnd(c));

    /// <summary><c>substr(s, start[, length])</c>: 0-based, in code points; out-of-range parts are clipped.</summary>
    public static Value Substr(Value v, Value start, Value length)
    {
        if (Coerce.ToText(v) is not { } s || !Coerce.TryNumber(start, out var st))
        {
            return Value.Missing;
        }

        var points = ToCodePoints(s);
        var from = Math.Clamp((int)st, 0, points.Length);
        var count = points.Length - from;
        if (!length.IsMissing)
        {
            if (!Coerce.TryNumber(length, out var len))
            {
                return Value.Missing;
            }

            count = Math.Clamp((int)len, 0, count);
        }

        return Value.FromString(string.Concat(points.Skip(from).Take(count)));
    }

    /// <summary><c>replace(s, search, replacement)</c>: every occurrence, case-sensitively.</summary>
    public static Value Replace(Value v, Value search, Value replacement)
    {
        if (Coerce.ToText(v) is not { } s || Coerce.ToText(search) is not { Length: > 0 } find)
        {
            return v.IsMissing ? Value.Missing : Value.FromString(Coerce.ToText(v));
        }

        return Value.FromString(s.Replace(find, Coerce.ToText(replacement) ?? string.Empty, StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>split(s, delimiter)</c>: the list of the parts between occurrences of the delimiter (a literal string, not a
    /// regex); an empty delimiter gives the list of the string itself.
    /// </summary>
    public static Value Split(Value v, Value delimiter)
    {
        if (Coerce.ToText(v) is not { } s || Coerce.ToText(delimiter) is not { } d)
        {
            return Value.Missing;
        }

        return JsonStructure.ListOf(d.Length == 0 ? [s] : s.Split(d));
    }

    /// <summary><c>strcontains(s, part[, caseInsensitive])</c>: 1/0.</summary>
    public static Value StrContains(Value v, Value part, Value caseInsensitive)
    {
        if (Coerce.ToText(v) is not { } s || Coerce.ToText(part) is not { } p)
        {
            return v.IsMissing ? Value.Missing : Flag(false);
        }

        var comparison = Coerce.IsTrue(caseInsensitive) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Flag(s.Contains(p, comparison));
    }

    /// <summary><c>startsWith(s, prefix)</c>: 1/0.</summary>
    public static Value StartsWith(Value v, Value prefix) =>
        Coerce.ToText(v) is { } s && Coerce.ToText(prefix) is { } p ? Flag(s.StartsWith(p, StringComparison.Ordinal)) : v.IsMissing ? Value.Missing : Flag(false);

    /// <summary><c>endsWith(s, suffix)</c>: 1/0.</summary>
    public static Value EndsWith(Value v, Value suffix) =>
        Coerce.ToText(v) is { } s && Coerce.ToText(suffix) is { } p ? Flag(s.EndsWith(p, StringComparison.Ordinal)) : v.IsMissing ? Value.Missing : Flag(false);

    /// <summary><c>urlencode(s)</c>.</summary>
    public static Value UrlEncode(Value v) => Text(v, s => Value.FromString(Uri.EscapeDataString(s)));

    /// <summary><c>urldecode(s)</c>.</summary>
    public static Value UrlDecode(Value v) => Text(v, s => Value.FromString(Uri.UnescapeDataString(s.Replace('+', ' '))));

    /// <summary><c>base64encode(s)</c>: of the UTF-8 bytes.</summary>
    public static Value Base64Encode(Value v) => Text(v, s => Value.FromString(Convert.ToBase64String(Encoding.UTF8.GetBytes(s))));

    /// <summary><c>base64decode(s)</c>: to UTF-8 text; missing when not base64.</summary>
    public static Value Base64Decode(Value v) => Text(v, s =>
    {
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var n) ? Value.FromString(Encoding.UTF8.GetString(buffer, 0, n)) : Value.Missing;
    });

    // ---- IP

    /// <summary><c>isValidIp(s)</c>.</summary>
    public static Value IsValidIp(Value v) => Ip(v, s => IpAddresses.TryParseV4(s, out _) || IpAddresses.TryParseV6(s, out _));

    /// <summary><c>isValidIpV4(s)</c>.</summary>
    public static Value IsValidIpV4(Value v) => Ip(v, s => IpAddresses.TryParseV4(s, out _));

    /// <summary><c>isValidIpV6(s)</c>.</summary>
    public static Value IsValidIpV6(Value v) => Ip(v, s => IpAddresses.TryParseV6(s, out _));

    /// <summary><c>isIpInSubnet(ip, cidr)</c>.</summary>
    public static Value IsIpInSubnet(Value ip, Value cidr) => Subnet(ip, cidr, null);

    /// <summary><c>isIpv4InSubnet(ip, cidr)</c>.</summary>
    public static Value IsIpv4InSubnet(Value ip, Value cidr) => Subnet(ip, cidr, AddressFamily.InterNetwork);

    /// <summary><c>isIpv6InSubnet(ip, cidr)</c>.</summary>
    public static Value IsIpv6InSubnet(Value ip, Value cidr) => Subnet(ip, cidr, AddressFamily.InterNetworkV6);

    // ---- helpers

    private static Value Flag(bool b) => Value.FromNumber(b ? 1 : 0);

    private static Value Numeric(Value v, Func<double, double> f) =>
        Coerce.TryNumber(v, out var n) ? Value.FromNumber(f(n)) : Value.Missing;

    private static Value Text(Value v, Func<string, Value> f) => Coerce.ToText(v) is { } s ? f(s) : Value.Missing;

    private static Value TrimWith(Value v, Value chars, Func<string, char[]?, string> f)
    {
        if (Coerce.ToText(v) is not { } s)
        {
            return Value.Missing;
        }

        var set = chars.IsMissing ? null : (Coerce.ToText(chars) ?? string.Empty).ToCharArray();
        return Value.FromString(f(s, set));
    }

    private static Value Ip(Value v, Func<string, bool> test) =>
        Coerce.ToText(v) is { } s ? Value.FromBoolean(test(s.Trim())) : Value.Missing;

    private static Value Subnet(Value ip, Value cidr, AddressFamily? family) =>
        Coerce.ToText(ip) is { } a && Coerce.ToText(cidr) is { } c
            ? Value.FromBoolean(IpAddresses.IsInSubnet(a.Trim(), c.Trim(), family))
            : Value.Missing;

    private static Value Extreme(Value[] args, int sign)
    {
        var best = Value.Missing;
        foreach (var a in args)
        {
            if (a.IsMissing)
            {
                continue;
            }

            if (best.IsMissing || (sign * ValueOrder.Compare(a, best)) > 0)
            {
                best = a;
            }
        }

        return best;
    }

    private static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    private static string[] ToCodePoints(string s)
    {
        var list = new List<string>(s.Length);
        var e = StringInfoCodePoints(s);
        list.AddRange(e);
        return [.. list];
    }

    private static IEnumerable<string> StringInfoCodePoints(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i, 2);
                i++;
            }
            else
            {
                yield return s[i].ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
