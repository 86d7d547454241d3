using System.Globalization;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Html;

/// <summary>Turns Logs Insights results into an <see cref="HtmlTable"/>: one column per projected field, the statistics as notes.</summary>
public static class QueryResultsTable
{
    /// <summary>The pointer field Logs Insights adds to rows of a <c>fields</c> query; the CloudWatch console hides it too.</summary>
    public const string PointerField = "@ptr";

    /// <summary>
    /// The table for <paramref name="results"/>. Fields absent from a row (AWS omits them) stay null, so they render
    /// as absent rather than as empty strings. The <c>@ptr</c> column is left out unless asked for, as in the console.
    /// </summary>
    public static HtmlTable ToHtmlTable(this QueryResults results, string? title = null, bool includePointer = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = results.Columns.Where(c => includePointer || c != PointerField).ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            index.TryAdd(columns[i], i);
        }

        var rows = new List<IReadOnlyList<string?>>(results.Rows.Count);
        foreach (var row in results.Rows)
        {
            var cells = new string?[columns.Count];
            foreach (var field in row)
            {
                if (!includePointer && field.Field == PointerField)
                {
                    continue;
                }

                if (!index.TryGetValue(field.Field, out var c))
                {
                    // A field the column list does not name still belongs in the table: add a column for it.
                    c = columns.Count;
                    columns.Add(field.Field);
                    index[field.Field] = c;
                    Array.Resize(ref cells, columns.Count);
                }

                cells[c] = field.Value;
            }

            rows.Add(cells);
        }

        // Rows created before a late column was added are shorter; HtmlTable treats missing cells as absent.
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{results.Statistics.RecordsMatched:N0} records matched"),
            string.Create(CultureInfo.InvariantCulture, $"{results.Statistics.RecordsScanned:N0} scanned"),
        };
        if (results.Status != QueryStatus.Complete)
        {
            notes.Add("status " + results.Status);
        }

        return new HtmlTable(columns, rows)
        {
            Title = title,
            Notes = notes,
            Warnings = results.Warnings,
        };
    }
}
