using System.Globalization;

namespace NotebookHelpers.Html;

/// <summary>
/// How wide each column of a table may be so that every column stays on screen: the widths, in characters, that fit
/// a nominal box of <see cref="BudgetChars"/> (an output of the notebook report at a 1,400 px window, about 1,250 px
/// of 12 px monospace). A table that fits keeps its natural widths; one that does not gives up width first in the
/// columns it names as secondary (user agents, ARNs), then in its widest columns, never below a floor, so short
/// values an analyst reads first (times, addresses, event names, error codes) stay whole and the last columns are
/// never pushed off screen. The widths become percentages, so a narrower box scales them instead of scrolling.
/// </summary>
public sealed class ColumnLayout
{
    /// <summary>The nominal width of the box, in characters of the table's monospace font, padding included.</summary>
    public const int BudgetChars = 170;

    /// <summary>Each cell's horizontal padding, in characters.</summary>
    public const int PaddingChars = 2;

    /// <summary>How narrow a truncated column may become.</summary>
    public const int FloorChars = 12;

    /// <summary>How narrow a wrapping (prose) column may become.</summary>
    public const int WrapFloorChars = 24;

    /// <summary>The widest any column asks for.</summary>
    public const int MaxNaturalChars = 120;

    private ColumnLayout(IReadOnlyList<int> natural, IReadOnlyList<int>? widths)
    {
        Natural = natural;
        Widths = widths;
    }

    /// <summary>What each column asks for, in characters: its longest line (or its header), capped.</summary>
    public IReadOnlyList<int> Natural { get; }

    /// <summary>The width given to each column, in characters, or null when the natural widths fit.</summary>
    public IReadOnlyList<int>? Widths { get; }

    /// <summary>True when the table does not fit at its natural widths and takes <see cref="Widths"/>.</summary>
    public bool Fitted => Widths is not null;

    /// <summary>
    /// Lays out columns whose longest lines are <paramref name="longest"/> characters. <paramref name="secondary"/>
    /// marks the columns that give up width first; <paramref name="wrap"/> those whose text wraps (prose) rather than
    /// being cut.
    /// </summary>
    public static ColumnLayout Fit(IReadOnlyList<int> longest, IReadOnlyList<bool> secondary, IReadOnlyList<bool> wrap)
    {
        ArgumentNullException.ThrowIfNull(longest);
        ArgumentNullException.ThrowIfNull(secondary);
        ArgumentNullException.ThrowIfNull(wrap);
        var n = longest.Count;
        var natural = new int[n];
        var floors = new int[n];
        for (var i = 0; i < n; i++)
        {
            natural[i] = Math.Clamp(longest[i], 3, MaxNaturalChars);
            floors[i] = Math.Min(natural[i], wrap[i] ? WrapFloorChars : FloorChars);
        }

        var excess = natural.Sum() + (n * PaddingChars) - BudgetChars;
        if (excess <= 0)
        {
            return new ColumnLayout(natural, null);
        }

        var widths = (int[])natural.Clone();
        excess = Shrink(widths, floors, Enumerable.Range(0, n).Where(i => secondary[i]).ToList(), excess);
        Shrink(widths, floors, Enumerable.Range(0, n).Where(i => !secondary[i]).ToList(), excess);
        return new ColumnLayout(natural, widths);
    }

    /// <summary>The width of column <paramref name="column"/> as a CSS percentage of the table, padding included.</summary>
    public string Percent(int column)
    {
        var widths = Widths ?? Natural;
        var total = widths.Sum() + (widths.Count * PaddingChars);
        return (100.0 * (widths[column] + PaddingChars) / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>True when a value of <paramref name="length"/> characters does not fit column <paramref name="column"/>.</summary>
    public bool Cuts(int column, int length) => Widths is not null && length > Widths[column];

    // Water-filling: lower a common ceiling over the given columns until they have given up the excess (or reached
    // their floors), so the widest give up most and narrow ones keep their width. Returns what is still in excess.
    private static int Shrink(int[] widths, int[] floors, IReadOnlyList<int> columns, int excess)
    {
        if (excess <= 0 || columns.Count == 0)
        {
            return excess;
        }

        var top = columns.Max(i => widths[i]);
        for (var ceiling = top; ceiling >= 0; ceiling--)
        {
            var freed = columns.Sum(i => widths[i] - Math.Max(floors[i], Math.Min(widths[i], ceiling)));
            if (freed >= excess || ceiling == 0)
            {
                foreach (var i in columns)
                {
                    widths[i] = Math.Max(floors[i], Math.Min(widths[i], ceiling));
                }

                return excess - freed;
            }
        }

        return excess;
    }
}
