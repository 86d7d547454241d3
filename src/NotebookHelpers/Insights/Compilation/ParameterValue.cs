using System.Collections;
using System.Globalization;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>The value bound to a <c>$name</c> parameter: one value, or a list for <c>in</c>.</summary>
/// <param name="Values">The value(s).</param>
/// <param name="IsList">True when bound to a list.</param>
public sealed record ParameterValue(IReadOnlyList<Value> Values, bool IsList)
{
    /// <summary>
    /// Converts a .NET value: strings (and anything else, through its invariant text) become strings, numeric types
    /// numbers, booleans booleans, <see cref="DateTimeOffset"/>/<see cref="DateTime"/> timestamps, and any other
    /// enumerable a list.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null or a list contains null.</exception>
    public static ParameterValue From(object? value)
    {
        if (value is null)
        {
            throw new ArgumentException("a parameter value cannot be null; pass a string, a number or a list.", nameof(value));
        }

        if (value is not string && value is IEnumerable items)
        {
            var list = new List<Value>();
            foreach (var item in items)
            {
                list.Add(item is null
                    ? throw new ArgumentException("a parameter list cannot contain null.", nameof(value))
                    : Single(item));
            }

            return new ParameterValue(list, true);
        }

        return new ParameterValue([Single(value)], false);
    }

    private static Value Single(object value) => value switch
    {
        string s => Value.FromString(s),
        bool b => Value.FromBoolean(b),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            Value.FromJsonNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture)!),
        DateTimeOffset t => Value.FromTimestamp(t),
        DateTime t => Value.FromTimestamp(new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind))),
        IFormattable f => Value.FromString(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Value.FromString(value.ToString()),
    };
}
