using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookHelpers.Notebooks.Parameters;

/// <summary>
/// Turns the text of a <c>-p</c> value into a C# expression. When the parameters cell declares the variable's type,
/// the value is converted to that type (so <c>-p AccessKeyId=123</c> stays a string for a string parameter); otherwise
/// the type is inferred as papermill does: <c>true</c>/<c>false</c> → bool, whole numbers → int or long, other numbers →
/// double, ISO 8601 dates and times → DateTimeOffset (UTC when no offset is given), anything else → string.
/// </summary>
public static partial class CSharpLiteral
{
    /// <summary>The C# expression and type name for <paramref name="raw"/>.</summary>
    /// <param name="name">The parameter name, for messages.</param>
    /// <param name="raw">The value as typed.</param>
    /// <param name="declaredType">The type the parameters cell declares, or null.</param>
    /// <exception cref="ParameterException">The value does not fit the declared type.</exception>
    public static (string Expression, string TypeName) For(string name, string raw, string? declaredType)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (declaredType is null)
        {
            return Infer(raw);
        }

        var nullable = declaredType.EndsWith('?');
        var type = declaredType.TrimEnd('?').Trim();
        if (type.StartsWith("System.", StringComparison.Ordinal))
        {
            type = type["System.".Length..];
        }

        if (nullable && raw is "null" or "")
        {
            return ("null", declaredType);
        }

        try
        {
            return type switch
            {
                "string" or "String" => (SymbolDisplay.FormatLiteral(raw, quote: true), "string"),
                "bool" or "Boolean" => (ParseBool(raw) ? "true" : "false", "bool"),
                "int" or "Int32" => (ParseInteger(raw, int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture), "int"),
                "long" or "Int64" => (ParseInteger(raw, long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture) + "L", "long"),
                "short" or "Int16" => (ParseInteger(raw, short.MinValue, short.MaxValue).ToString(CultureInfo.InvariantCulture), "short"),
                "byte" or "Byte" => (ParseInteger(raw, byte.MinValue, byte.MaxValue).ToString(CultureInfo.InvariantCulture), "byte"),
                "double" or "Double" => (Number(raw).ToString("R", CultureInfo.InvariantCulture) + "d", "double"),
                "float" or "Single" => (((float)Number(raw)).ToString("R", CultureInfo.InvariantCulture) + "f", "float"),
                "decimal" or "Decimal" => (decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "m", "decimal"),
                "DateTimeOffset" => (DateTimeOffsetExpression(ParseDate(raw)), "DateTimeOffset"),
                "DateTime" => (
                    $"System.DateTime.Parse(\"{ParseDate(raw).UtcDateTime:O}\", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)",
                    "DateTime"),
                "TimeSpan" => ($"System.TimeSpan.FromTicks({ParseTimeSpan(raw).Ticks}L)", "TimeSpan"),
                "Guid" => ($"System.Guid.Parse(\"{Guid.Parse(raw, CultureInfo.InvariantCulture)}\")", "Guid"),
                _ => Infer(raw),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ParameterException($"parameter {name} is declared {declaredType} in the parameters cell; '{raw}' is not a {type}.", e);
        }
    }

    /// <summary>The expression and type papermill-style inference gives <paramref name="raw"/>.</summary>
    /// <exception cref="ParameterException">The value looks like a date but is not a valid one.</exception>
    public static (string Expression, string TypeName) Infer(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase) || raw.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return (ParseBool(raw) ? "true" : "false", "bool");
        }

        if (IntegerPattern().IsMatch(raw) && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole is >= int.MinValue and <= int.MaxValue
                ? (whole.ToString(CultureInfo.InvariantCulture), "int")
                : (whole.ToString(CultureInfo.InvariantCulture) + "L", "long");
        }

        if (DecimalPattern().IsMatch(raw) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return (real.ToString("R", CultureInfo.InvariantCulture) + "d", "double");
        }

        if (IsoDatePattern().IsMatch(raw))
        {
            return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? (DateTimeOffsetExpression(date.ToUniversalTime()), "DateTimeOffset")
                : throw new ParameterException($"'{raw}' looks like an ISO 8601 date-time but is not a valid one.");
        }

        return (SymbolDisplay.FormatLiteral(raw, quote: true), "string");
    }

    private static string DateTimeOffsetExpression(DateTimeOffset value) =>
        $"System.DateTimeOffset.Parse(\"{value:O}\", System.Globalization.CultureInfo.InvariantCulture)";

    private static bool ParseBool(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"'{raw}' is neither true nor false."),
    };

    private static long ParseInteger(string raw, long min, long max)
    {
        var value = long.Parse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value < min || value > max ? throw new OverflowException($"{value} is out of range.") : value;
    }

    private static double Number(string raw)
    {
        var value = double.Parse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : throw new FormatException($"'{raw}' is not a finite number.");
    }

    private static DateTimeOffset ParseDate(string raw)
    {
        if (!IsoDatePattern().IsMatch(raw.Trim()))
        {
            throw new FormatException($"'{raw}' is not an ISO 8601 date or date-time (e.g. 2024-05-01T13:00:00Z).");
        }

        return DateTimeOffset.Parse(raw.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
    }

    private static TimeSpan ParseTimeSpan(string raw)
    {
        var text = raw.Trim();
        return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)
            ? XmlConvert.ToTimeSpan(text)
            : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[+-]?\d+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDatePattern();
}
