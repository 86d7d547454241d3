using System.Globalization;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Html;

/// <summary>Turns Logs Insights results into an <see cref="HtmlTable"/>: one column per projected field, the statistics as notes.</summary>
public static class QueryResultsTable
{
    /// <summary>The pointer field Logs Insights adds to rows of a <c>fields</c> query; the CloudWatch console hides it too.</summary>
    public const string PointerField = "@ptr";

    /// <summary>
    /// CloudTrail fields that are long and rarely what an analyst reads first: when a result is too wide for its box
    /// these give up width before event names, addresses, times and error codes do (the full value stays a click away).
    /// A name ending in a dot covers every field under it. Request parameters and response elements are not among
    /// them: a query names those because they are the answer (the key a user was given, the bucket read).
    /// </summary>
    public static readonly IReadOnlyList<string> SecondaryFields =
    [
        "userAgent", "userIdentity.arn", "userIdentity.principalId", "userIdentity.sessionContext.", "eventSource",
        "additionalEventData.", "resources", "tlsDetails.", "@message", "@log", "@logStream",
        "eventID", "requestID", "sharedEventID",
    ];

    /// <summary>True when <paramref name="field"/> is one of the <see cref="SecondaryFields"/>.</summary>
    public static bool IsSecondary(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return SecondaryFields.Any(s => s.EndsWith('.') ? field.StartsWith(s, StringComparison.Ordinal) : field == s);
    }

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

                cells[c] = Events.UtcTime.OfResultValue(field.Value);
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
            SecondaryColumns = [.. columns.Where(IsSecondary)],
        };
    }
}
