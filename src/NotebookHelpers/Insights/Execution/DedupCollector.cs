using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// <c>dedup f1, f2</c>: per distinct combination keeps the row that comes first in <see cref="RowOrder"/> (the sort
/// before it, else <c>@timestamp</c> descending; exact ties go to input order). Rows missing any of the fields are
/// never duplicates and are all kept (up to the row limit).
/// </summary>
internal sealed class DedupCollector : RowCollector
{
    private readonly RowOrder _order;
    private readonly int[] _slots;
    private readonly Action<Row>? _beforeKeep;
    private readonly Dictionary<string[], Row> _best = new(new TextArrayComparer());
    private readonly TopRowsCollector _withMissing;

    public DedupCollector(RowOrder order, int[] slots, int missingCapacity, Action<Row>? beforeKeep)
    {
        _order = order;
        _slots = slots;
        _beforeKeep = beforeKeep;
        _withMissing = new TopRowsCollector(order, missingCapacity, beforeKeep);
    }

    public override void Add(Row row)
    {
        var key = new string[_slots.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Coerce.ToText(row.Slots[_slots[i]]) is not { } text)
            {
                _withMissing.Add(row);
                return;
            }

            key[i] = text;
        }

        if (_best.TryGetValue(key, out var kept) && _order.Compare(row, kept) >= 0)
        {
            return;
        }

        _beforeKeep?.Invoke(row);
        _best[key] = row.Clone();
    }

    public override void Merge(RowCollector other)
    {
        var o = (DedupCollector)other;
        foreach (var (key, row) in o._best)
        {
            if (!_best.TryGetValue(key, out var kept) || _order.Compare(row, kept) < 0)
            {
                _best[key] = row;
            }
        }

        _withMissing.Merge(o._withMissing);
    }

    public override List<Row> Finish()
    {
        var rows = _best.Values.Concat(_withMissing.Finish()).ToList();
        rows.Sort(_order);
        return rows;
    }

    /// <summary>Removes duplicates from rows already in result order (dedup after stats or a later sort).</summary>
    public static List<Row> Apply(IEnumerable<Row> rows, int[] slots)
    {
        var seen = new HashSet<string[]>(new TextArrayComparer());
        var result = new List<Row>();
        foreach (var row in rows)
        {
            var key = new string[slots.Length];
            var missing = false;
            for (var i = 0; i < slots.Length && !missing; i++)
            {
                var text = Coerce.ToText(row.Slots[slots[i]]);
                missing = text is null;
                key[i] = text!;
            }

            if (missing || seen.Add(key))
            {
                result.Add(row);
            }
        }

        return result;
    }

    private sealed class TextArrayComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x!.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var h = default(HashCode);
            foreach (var s in obj)
            {
                h.Add(s, StringComparer.Ordinal);
            }

            return h.ToHashCode();
        }
    }
}
