using System.Globalization;

namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// Every conversion between value kinds, in one place. Logs Insights does not document its typing; these rules are
/// the engine's choices, each listed in docs/logs-insights-semantics.md with the test that pins it:
/// a string is a number when it parses entirely as one (invariant culture); booleans are 1/0 and also equal the
/// strings "true"/"false"; timestamps are epoch milliseconds as numbers and <c>yyyy-MM-dd HH:mm:ss.fff</c> as text.
/// </summary>
public static class Coerce
{
    /// <summary>The GetQueryResults format of <c>@timestamp</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    /// <summary>
    /// The text of a value for operators and functions; null when missing, and for maps and lists, which AWS treats as
    /// null in string, number and datetime functions.
    /// </summary>
    public static string? ToText(Value value) => value.Kind switch
    {
        ValueKind.String => value.RawText,
        ValueKind.Number => value.RawText ?? Value.FormatNumber(value.Number),
        ValueKind.Boolean => value.Number != 0 ? "1" : "0",
        ValueKind.Timestamp => FormatTimestamp(value.Number),
        _ => null,
    };

    /// <summary>How a value prints in results: <see cref="ToText"/>, with maps and lists as compact JSON.</summary>
    public static string? ToDisplayText(Value value) => value.Structure is { } structure ? structure.ToJson() : ToText(value);

    /// <summary>Formats epoch milliseconds as <c>yyyy-MM-dd HH:mm:ss.fff</c> UTC.</summary>
    public static string FormatTimestamp(double epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(epochMilliseconds))
            .UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The value as a number, when it is one or is a string that parses entirely as one.</summary>
    public static bool TryNumber(Value value, out double number)
    {
        switch (value.Kind)
        {
            case ValueKind.Number:
            case ValueKind.Boolean:
            case ValueKind.Timestamp:
                number = value.Number;
                return true;
            case ValueKind.String:
                return TryParseNumber(value.RawText!, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Parses a whole string as a decimal number (leading/trailing blanks allowed, no thousands separators).</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double number)
    {
        text = text.Trim();
        if (text.IsEmpty || !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.'))
        {
            number = 0;
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    /// <summary>The value as a timestamp (epoch ms): a timestamp, a number of epoch milliseconds, or an ISO 8601 string.</summary>
    public static bool TryTimestamp(Value value, out double epochMilliseconds)
    {
        switch (value.Kind)
        {
            case ValueKind.Timestamp:
            case ValueKind.Number:
                epochMilliseconds = value.Number;
                return true;
            case ValueKind.String:
                if (TryParseNumber(value.RawText!, out epochMilliseconds))
                {
                    return true;
                }

                if (Events.CloudTrailTimestamp.TryParse(value.RawText!.AsSpan(), out var time))
                {
                    epochMilliseconds = time.ToUnixTimeMilliseconds();
                    return true;
                }

                break;
        }

        epochMilliseconds = 0;
        return false;
    }

    /// <summary>
    /// Whether a value counts as true in <c>filter</c>: a boolean's own value, a number other than 0, a string that
    /// is "true" or a non-zero number. Missing is false.
    /// </summary>
    public static bool IsTrue(Value value) => value.Kind switch
    {
        ValueKind.Boolean or ValueKind.Number => value.Number != 0,
        ValueKind.Timestamp => true,
        ValueKind.String => string.Equals(value.RawText, "true", StringComparison.OrdinalIgnoreCase)
            || (TryParseNumber(value.RawText!, out var n) && n != 0),
        _ => false,
    };

    /// <summary>
    /// The language's <c>=</c>: false when either side is missing, a map or a list (documented); numeric when both sides are numbers (or strings
    /// that parse as numbers); a boolean equals 1/0 and "true"/"false"; otherwise the display texts, case-sensitively.
    /// </summary>
    public static bool AreEqual(Value left, Value right)
    {
        if (left.IsMissing || right.IsMissing || left.IsStructure || right.IsStructure)
        {
            return false;
        }

        if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            if (string.Equals(left.RawText, right.RawText, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (left.Kind == ValueKind.Boolean && right.Kind == ValueKind.String)
        {
            return BooleanEqualsText(left, right.RawText!);
        }

        if (right.Kind == ValueKind.Boolean && left.Kind == ValueKind.String)
        {
            return BooleanEqualsText(right, left.RawText!);
        }

        if (TryNumber(left, out var a) && TryNumber(right, out var b))
        {
            return a == b;
        }

        return string.Equals(ToText(left), ToText(right), StringComparison.Ordinal);
    }

    /// <summary>
    /// Ordering for <c>&lt; &lt;= &gt; &gt;=</c>: null when either side is missing (the comparison is then false);
    /// numeric when both are numbers, otherwise ordinal on the display texts.
    /// </summary>
    public static int? CompareForOperator(Value left, Value right)
    {
        if (left.IsMissing || right.IsMissing || left.IsStructure || right.IsStructure)
        {
            return null;
        }

        if (TryNumber(left, out var a) && TryNumber(right, out var b))
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(ToText(left), ToText(right));
    }

    private static bool BooleanEqualsText(Value boolean, string text)
    {
        if (bool.TryParse(text, out var b))
        {
            return b == (boolean.Number != 0);
        }

        return TryParseNumber(text, out var n) && n == boolean.Number;
    }
}
