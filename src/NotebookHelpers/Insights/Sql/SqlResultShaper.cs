using System.Globalization;
using System.Text.Json;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// Turns the rows any SQL executor returns for a <see cref="SqlQuery"/> into the offline engine's
/// <see cref="QueryResults"/>: values read back by their column's kind (a JSON scalar keeps its type, epoch
/// milliseconds become <c>yyyy-MM-dd HH:mm:ss.fff</c>), then ordered, deduplicated and limited with the engine's own
/// comparer (<see cref="ValueOrder"/>: natural order, missing last both ways, ties to input order; groups first by
/// their keys ascending), and shown with the engine's formatting (<see cref="Coerce.ToDisplayText"/>), absent fields
/// omitted, <c>@ptr</c> last on event rows. Values may come typed (DuckDB) or as text (Athena's VarCharValue).
/// </summary>
public static class SqlResultShaper
{
    /// <summary>Shapes <paramref name="rows"/> (each keyed by the SQL column alias) as GetQueryResults.</summary>
    /// <param name="query">The rendered query the rows answer.</param>
    /// <param name="rows">The result set; a missing key or null is SQL NULL.</param>
    /// <param name="statistics">The statistics (<see cref="Statistics"/> reads them from <see cref="SqlQuery.StatisticsText"/>'s row).</param>
    /// <param name="warnings">Problems the caller must see.</param>
    public static QueryResults Shape(SqlQuery query, IEnumerable<IReadOnlyDictionary<string, object?>> rows, QueryStatistics statistics, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        var shaped = rows.Select((row, index) => new ShapedRow(
            [.. query.Columns.Select(c => Read(row, c))],
            [.. query.SortKeys.Select(k => Read(row, k.Column)).Concat(query.GroupKeys.Select(g => Read(row, g)))],
            query.InputOrder is { } o ? Read(row, o) : Value.FromNumber(index),
            query.Pointer is { } p ? Coerce.ToText(Read(row, p)) : null,
            [.. query.DedupColumns.Select(d => Coerce.ToText(Read(row, d)))])).ToList();

        var descending = query.SortKeys.Select(k => k.Descending).Concat(query.GroupKeys.Select(_ => false)).ToArray();
        shaped.Sort((x, y) =>
        {
            for (var i = 0; i < descending.Length; i++)
            {
                var c = ValueOrder.CompareForSort(x.Keys[i], y.Keys[i], descending[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            // Athena's input order is the eventid (text): compared as Trino's ORDER BY and min_by compare it, by code
            // point, so the shaper breaks ties as the SQL does.
            return x.Order.Kind == ValueKind.String && y.Order.Kind == ValueKind.String
                ? string.CompareOrdinal(x.Order.RawText, y.Order.RawText)
                : ValueOrder.CompareForSort(x.Order, y.Order, descending: false);
        });

        IEnumerable<ShapedRow> kept = shaped;
        if (query.DedupColumns.Count > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            kept = shaped.Where(r => r.Dedup.Any(d => d is null) || seen.Add(string.Join('\u0000', r.Dedup)));
        }

        var output = new List<IReadOnlyList<ResultField>>();
        foreach (var row in kept.Take(query.Limit))
        {
            var fields = new List<ResultField>(query.Columns.Count + 1);
            for (var i = 0; i < query.Columns.Count; i++)
            {
                if (Coerce.ToDisplayText(row.Values[i]) is { } text)
                {
                    fields.Add(new ResultField(query.Columns[i].Name, text));
                }
            }

            if (row.Pointer is { } pointer)
            {
                fields.Add(new ResultField(SystemFields.Pointer, pointer));
            }

            output.Add(fields);
        }

        IReadOnlyList<string> names = query.Pointer is null
            ? [.. query.Columns.Select(c => c.Name)]
            : [.. query.Columns.Select(c => c.Name), SystemFields.Pointer];
        return new QueryResults(QueryStatus.Complete, names, output, statistics, warnings);
    }

    /// <summary>
    /// Reads the statistics row of <see cref="SqlQuery.StatisticsText"/>; <paramref name="bytesScanned"/> replaces
    /// its bytes when the executor measures them itself (Athena's DataScannedInBytes).
    /// </summary>
    public static QueryStatistics Statistics(IReadOnlyDictionary<string, object?> row, double? bytesScanned = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new QueryStatistics(Number(row, "recordsMatched"), Number(row, "recordsScanned"), bytesScanned ?? Number(row, "bytesScanned"));

        static double Number(IReadOnlyDictionary<string, object?> row, string name) =>
            row.TryGetValue(name, out var v) && ToValue(v, SqlValueKind.Number) is { IsMissing: false } n ? n.Number : 0;
    }

    /// <summary>Reads one SQL value as a Logs Insights value of <paramref name="kind"/>; null is missing.</summary>
    public static Value ToValue(object? raw, SqlValueKind kind)
    {
        if (raw is null or DBNull)
        {
            return Value.Missing;
        }

        return kind switch
        {
            SqlValueKind.Text => Value.FromString(raw as string ?? Convert.ToString(raw, CultureInfo.InvariantCulture)),
            SqlValueKind.Json => FromJson(raw as string ?? Convert.ToString(raw, CultureInfo.InvariantCulture)!),
            SqlValueKind.Boolean => raw is bool b ? Value.FromBoolean(b) : Value.FromBoolean(string.Equals(raw.ToString(), "true", StringComparison.OrdinalIgnoreCase)),
            SqlValueKind.Number => TryDouble(raw, out var n) ? Value.FromNumber(n) : Value.Missing,
            _ => TryDouble(raw, out var ms) ? Value.FromEpochMilliseconds(ms) : Value.Missing,
        };
    }

    private static Value Read(IReadOnlyDictionary<string, object?> row, SqlColumn column) =>
        row.TryGetValue(column.SqlName, out var raw) ? ToValue(raw, column.Kind) : Value.Missing;

    private static bool TryDouble(object raw, out double number)
    {
        switch (raw)
        {
            case string s:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            case System.Numerics.BigInteger big:
                number = (double)big;
                return true;
            case IConvertible c:
                number = c.ToDouble(CultureInfo.InvariantCulture);
                return true;
            default:
                // Other wide integer and decimal types print their value.
                return double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }
    }

    // A JSON scalar keeps its type, as the offline engine's field extractor does; null, objects and arrays are missing.
    private static Value FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        return element.ValueKind switch
        {
            JsonValueKind.String => Value.FromString(element.GetString()),
            JsonValueKind.Number => Value.FromJsonNumber(element.GetDouble(), element.GetRawText()),
            JsonValueKind.True => Value.True,
            JsonValueKind.False => Value.False,
            _ => Value.Missing,
        };
    }

    private sealed record ShapedRow(Value[] Values, Value[] Keys, Value Order, string? Pointer, string?[] Dedup);
}
