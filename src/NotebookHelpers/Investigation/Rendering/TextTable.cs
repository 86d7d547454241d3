using System.Text;
using NotebookHelpers.Display;

namespace NotebookHelpers.Investigation.Rendering;

/// <summary>Fixed-width text tables for terminals and <c>ToString()</c>. Values go through <see cref="TerminalText"/>.</summary>
public static class TextTable
{
    /// <summary>Renders a header and rows, columns padded to their widest value; the last column is not padded.</summary>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var clean = rows.Select(r => r.Select(Clean).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, clean.Count == 0 ? 0 : clean.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var sb = new StringBuilder();
        AppendRow(sb, header, widths);
        AppendRow(sb, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in clean)
        {
            AppendRow(sb, row, widths);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The value made safe for a terminal (<see cref="TerminalText.Safe"/>): tabs, newlines, escape sequences and
    /// reordering characters become U+FFFD, so one value stays on one line and shows as it is.
    /// </summary>
    public static string Clean(string? value) => TerminalText.Safe(value);

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            if (i > 0)
            {
                sb.Append("  ");
            }

            sb.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i]));
        }

        sb.Append('\n');
    }
}
