using System.Globalization;
using System.Text;
using NotebookHelpers.Display;

namespace NotebookHelpers.Insights;

/// <summary>
/// Renders <see cref="QueryResults"/> as an aligned text table (through <see cref="TerminalText"/>: no escape
/// sequence from the logs reaches the terminal) or as CSV (RFC 4180, through <see cref="CsvText"/>: formulas defused).
/// </summary>
public static class QueryResultsText
{
    /// <summary>An aligned table; a field a row omits is blank; long values are cut at <paramref name="maxWidth"/> with an ellipsis.</summary>
    public static string ToTable(QueryResults results, int maxWidth = 100)
    {
        ArgumentNullException.ThrowIfNull(results);
        var columns = Columns(results);
        var cells = results.Rows.Select(r => columns.Select(c => Cell(r, c, maxWidth)).ToArray()).ToList();
        columns = [.. columns.Select(TerminalText.Safe)];
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        AppendLine(sb, columns, widths);
        AppendLine(sb, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in cells)
        {
            AppendLine(sb, row, widths);
        }

        return sb.ToString();
    }

    /// <summary>CSV with a header row; fields a row omits are empty.</summary>
    public static string ToCsv(QueryResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var columns = Columns(results);
        var sb = new StringBuilder();
        sb.Append(CsvText.Row(columns));
        foreach (var row in results.Rows)
        {
            sb.Append(CsvText.Row(columns.Select(c => row.FirstOrDefault(f => f.Field == c)?.Value)));
        }

        return sb.ToString();
    }

    /// <summary>The one-line statistics summary <c>nbh query</c> prints to stderr.</summary>
    public static string Summary(QueryResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var s = results.Statistics;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Status}: {results.Rows.Count:N0} rows; records matched {s.RecordsMatched:N0}, scanned {s.RecordsScanned:N0}, bytes scanned {s.BytesScanned:N0}");
    }

    private static List<string> Columns(QueryResults results)
    {
        var columns = results.Columns.ToList();
        foreach (var field in results.Rows.SelectMany(r => r).Select(f => f.Field))
        {
            if (!columns.Contains(field))
            {
                columns.Add(field);
            }
        }

        return columns;
    }

    private static string Cell(IReadOnlyList<ResultField> row, string column, int maxWidth)
    {
        var value = Events.UtcTime.OfResultValue(row.FirstOrDefault(f => f.Field == column)?.Value) ?? string.Empty;
        value = value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        value = TerminalText.Safe(value);
        return value.Length > maxWidth ? string.Concat(value.AsSpan(0, maxWidth - 1), "…") : value;
    }

    private static void AppendLine(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("  ");
            }

            sb.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        sb.Append('\n');
    }
}
