using System.Globalization;
using System.Reflection;

namespace NotebookHelpers.Insights;

/// <summary>
/// Typed access to results for C# notebooks: <c>results.Column&lt;int&gt;("n")</c>, <c>results.As&lt;Row&gt;()</c>.
/// Values are converted from the GetQueryResults strings: numbers invariantly, booleans from <c>1/0</c> or
/// <c>true/false</c>, times from <c>yyyy-MM-dd HH:mm:ss.fff</c> (UTC) or ISO 8601. A field a row omits becomes
/// <c>default</c> (null for reference and nullable types).
/// </summary>
public static class QueryResultsExtensions
{
    /// <summary>The values of <paramref name="field"/>, one per row, converted to <typeparamref name="T"/>.</summary>
    /// <exception cref="FormatException">A value cannot be converted; the message names the row and field.</exception>
    public static IReadOnlyList<T?> Column<T>(this QueryResults results, string field)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Rows.Select((row, i) => (T?)Convert(Find(row, field), typeof(T), i, field))];
    }

    /// <summary>The value of <paramref name="field"/> in one row, or null when the row omits it.</summary>
    public static string? Get(this IReadOnlyList<ResultField> row, string field)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Find(row, field);
    }

    /// <summary>
    /// Maps each row onto <typeparamref name="T"/>: a record's constructor parameters or settable properties are
    /// matched to fields by name, ignoring case and any character that is not a letter or digit
    /// (so <c>UserIdentityArn</c> receives <c>userIdentity.arn</c>, and <c>Count</c> receives <c>count(*)</c>).
    /// </summary>
    public static IReadOnlyList<T> As<T>(this QueryResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var type = typeof(T);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameters = constructor?.GetParameters() ?? [];
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic).ToArray();
        var list = new List<T>(results.Rows.Count);
        for (var i = 0; i < results.Rows.Count; i++)
        {
            var row = results.Rows[i];
            var args = parameters.Select(p => Convert(FindByMember(row, p.Name!), p.ParameterType, i, p.Name!)).ToArray();
            var item = (T)(constructor is null ? Activator.CreateInstance(type)! : constructor.Invoke(args));
            foreach (var property in properties.Where(p => !parameters.Any(a => Normalize(a.Name!) == Normalize(p.Name))))
            {
                if (FindByMember(row, property.Name) is { } value)
                {
                    property.SetValue(item, Convert(value, property.PropertyType, i, property.Name));
                }
            }

            list.Add(item);
        }

        return list;
    }

    private static string? Find(IReadOnlyList<ResultField> row, string field) => row.FirstOrDefault(f => f.Field == field)?.Value;

    private static string? FindByMember(IReadOnlyList<ResultField> row, string member)
    {
        var key = Normalize(member);
        return row.FirstOrDefault(f => Normalize(f.Field) == key)?.Value
            ?? row.FirstOrDefault(f => Normalize(f.Field.Split('(')[0]) == key)?.Value;
    }

    private static string Normalize(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);

    private static object? Convert(string? text, Type type, int row, string field)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (text is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        try
        {
            if (target == typeof(string))
            {
                return text;
            }

            if (target == typeof(bool))
            {
                return text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                    : text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : throw new FormatException("not 1/0 or true/false");
            }

            if (target == typeof(DateTimeOffset) || target == typeof(DateTime))
            {
                var time = DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss", "O", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                return target == typeof(DateTime) ? time.UtcDateTime : time;
            }

            if (target.IsEnum)
            {
                return Enum.Parse(target, text, ignoreCase: true);
            }

            if (target == typeof(int) || target == typeof(long))
            {
                var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return System.Convert.ChangeType(d, target, CultureInfo.InvariantCulture);
            }

            return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new FormatException($"row {row + 1}, field '{field}': cannot convert '{text}' to {target.Name} ({e.Message}).", e);
        }
    }
}
