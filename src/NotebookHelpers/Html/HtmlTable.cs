using System.Globalization;
using NotebookHelpers.Display;

namespace NotebookHelpers.Html;

/// <summary>
/// A table of strings that renders as a sortable HTML table (click a header) with its row count, and as aligned
/// plain text. Cells that are null were absent from the source and render greyed out, distinct from an empty string.
/// A table too wide for its box keeps every column on screen (<see cref="ColumnLayout"/>): long values are cut with
/// an ellipsis, their full text in the tooltip and shown in place on a click; prose columns wrap. An empty table is
/// not drawn: it says "none".
/// </summary>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class HtmlTable : IHtmlRenderable
{
    private const int MaxPlainTextCellWidth = 48;

    /// <summary>Creates a table.</summary>
    /// <param name="columns">Column headers, in order.</param>
    /// <param name="rows">Rows; each has at most one cell per column, null for an absent value.</param>
    public HtmlTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows of cells; null marks an absent value.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; }

    /// <summary>An optional heading shown above the table.</summary>
    public string? Title { get; init; }

    /// <summary>Facts shown after the row count, e.g. how many records a query matched.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Problems the reader must see (partial results, skipped input), shown highlighted.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Columns that give up width first when the table is too wide (user agents, ARNs: long and rarely read first).</summary>
    public IReadOnlyList<string> SecondaryColumns { get; init; } = [];

    /// <summary>Columns of prose that wrap rather than being cut.</summary>
    public IReadOnlyList<string> WrapColumns { get; init; } = [];

    /// <summary>Rows the HTML shows; the rest are counted but not rendered. Defaults to <see cref="NotebookDisplayOptions.MaxTableRows"/>.</summary>
    public int MaxRows { get; init; } = NotebookDisplayOptions.MaxTableRows;

    /// <summary>The caption: row and column counts, notes, and how many rows are shown when not all are.</summary>
    public string Caption
    {
        get
        {
            var parts = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"{Rows.Count:N0} {(Rows.Count == 1 ? "row" : "rows")}"),
                string.Create(CultureInfo.InvariantCulture, $"{Columns.Count:N0} {(Columns.Count == 1 ? "column" : "columns")}"),
            };
            parts.AddRange(Notes);
            if (Rows.Count > MaxRows)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"showing the first {MaxRows:N0}"));
            }

            return string.Join(" · ", parts);
        }
    }

    /// <inheritdoc />
    public void WriteHtml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<div class=\"nbh\">");
        writer.Write(HtmlStyles.StyleElement);
        if (Title is not null)
        {
            writer.Write("<div class=\"nbh-title\"><strong>");
            HtmlText.Write(writer, Title);
            writer.Write("</strong></div>");
        }

        writer.Write("<div class=\"nbh-caption\">");
        HtmlText.Write(writer, Caption);
        writer.Write("</div>");
        foreach (var warning in Warnings)
        {
            writer.Write("<div class=\"nbh-warning\">");
            HtmlText.Write(writer, warning);
            writer.Write("</div>");
        }

        if (Rows.Count == 0)
        {
            writer.Write("<div class=\"nbh-none\">none</div></div>");
            return;
        }

        var shown = Math.Min(Rows.Count, MaxRows);
        var layout = Layout(shown);
        var wrap = Columns.Select(c => WrapColumns.Contains(c, StringComparer.Ordinal)).ToArray();
        writer.Write(layout.Fitted ? "<div class=\"nbh-table-wrap\"><table class=\"nbh-table nbh-fit\"><colgroup>" : "<div class=\"nbh-table-wrap\"><table class=\"nbh-table\">");
        if (layout.Fitted)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                writer.Write("<col style=\"width:");
                writer.Write(layout.Percent(c));
                writer.Write("\">");
            }

            writer.Write("</colgroup>");
        }

        writer.Write("<thead><tr>");
        foreach (var column in Columns)
        {
            writer.Write("<th onclick=\"nbhSortTable(this)\" title=\"");
            HtmlText.Write(writer, column);
            writer.Write(" (click to sort)\">");
            HtmlText.Write(writer, column);
            writer.Write("</th>");
        }

        writer.Write("</tr></thead><tbody>");
        for (var r = 0; r < shown; r++)
        {
            var row = Rows[r];
            writer.Write("<tr>");
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = c < row.Count ? row[c] : null;
                if (cell is null)
                {
                    writer.Write("<td class=\"nbh-absent\" data-sort=\"\"></td>");
                    continue;
                }

                if (wrap[c] && layout.Fitted)
                {
                    writer.Write("<td class=\"nbh-wrap\">");
                }
                else if (layout.Cuts(c, LongestLine(cell)))
                {
                    // The full text stays in the cell (sorting, copying, find-in-page); CSS cuts it, the title shows it.
                    writer.Write("<td class=\"nbh-cut\" title=\"");
                    HtmlText.Write(writer, cell);
                    writer.Write("\">");
                }
                else
                {
                    writer.Write("<td>");
                }

                HtmlText.Write(writer, cell);
                writer.Write("</td>");
            }

            writer.Write("</tr>");
        }

        writer.Write("</tbody></table></div>");
        writer.Write(SortableTableScript.ScriptElement);
        writer.Write("</div>");
    }

    /// <inheritdoc />
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Title is not null)
        {
            writer.WriteLine(Title);
        }

        writer.WriteLine(Caption);
        foreach (var warning in Warnings)
        {
            writer.WriteLine("warning: " + warning);
        }

        if (Rows.Count == 0)
        {
            writer.WriteLine("none");
            return;
        }

        var shown = Math.Min(Rows.Count, NotebookDisplayOptions.MaxPlainTextRows);
        var widths = Columns.Select(c => Math.Min(c.Length, MaxPlainTextCellWidth)).ToArray();
        for (var r = 0; r < shown; r++)
        {
            for (var c = 0; c < Columns.Count && c < Rows[r].Count; c++)
            {
                widths[c] = Math.Max(widths[c], Math.Min(Flatten(Rows[r][c]).Length, MaxPlainTextCellWidth));
            }
        }

        WritePlainRow(writer, Columns, widths);
        WritePlainRow(writer, widths.Select(w => new string('-', w)).ToList(), widths);
        for (var r = 0; r < shown; r++)
        {
            WritePlainRow(writer, Rows[r], widths);
        }

        if (Rows.Count > shown)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... {Rows.Count - shown:N0} more rows"));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WritePlainText(writer);
        return writer.ToString();
    }

    private static void WritePlainRow(TextWriter writer, IReadOnlyList<string?> cells, int[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            if (c > 0)
            {
                writer.Write("  ");
            }

            var text = Flatten(c < cells.Count ? cells[c] : null);
            if (text.Length > widths[c])
            {
                text = string.Concat(text.AsSpan(0, widths[c] - 1), "…");
            }

            writer.Write(c == widths.Length - 1 ? text : text.PadRight(widths[c]));
        }

        writer.WriteLine();
    }

    private ColumnLayout Layout(int shown)
    {
        var longest = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            // The header's sort arrow takes two more characters.
            longest[c] = Columns[c].Length + 2;
            for (var r = 0; r < shown; r++)
            {
                if (c < Rows[r].Count && Rows[r][c] is { } cell)
                {
                    longest[c] = Math.Max(longest[c], LongestLine(cell));
                }
            }
        }

        return ColumnLayout.Fit(
            longest,
            [.. Columns.Select(c => SecondaryColumns.Contains(c, StringComparer.Ordinal))],
            [.. Columns.Select(c => WrapColumns.Contains(c, StringComparer.Ordinal))]);
    }

    private static int LongestLine(string cell)
    {
        var longest = 0;
        foreach (var line in cell.AsSpan().EnumerateLines())
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }

    private static string Flatten(string? cell) =>
        cell is null ? string.Empty : cell.ReplaceLineEndings(" ").Replace('\t', ' ');
}
