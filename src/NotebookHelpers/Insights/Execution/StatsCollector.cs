using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Runs one <c>stats</c> command: a hash table from group key to the aggregators of that group. Memory is one entry
/// per distinct group. <see cref="Finish"/> turns each group into a row (group keys, aggregate results, then the
/// stats items in order, so later items can use earlier aliases), ordered by the group keys ascending.
/// </summary>
internal sealed class StatsCollector : RowCollector
{
    private readonly StatsPlan _plan;
    private readonly int _slotCount;
    private readonly Dictionary<Value[], Aggregator[]> _groups = new(new ValueArrayComparer());
    private readonly Value[] _probe;

    public StatsCollector(StatsPlan plan, int slotCount)
    {
        _plan = plan;
        _slotCount = slotCount;
        _probe = new Value[plan.GroupKeys.Length];
    }

    public int GroupCount => _groups.Count;

    public override void Add(Row row)
    {
        var keys = _plan.GroupKeys;
        for (var i = 0; i < keys.Length; i++)
        {
            _probe[i] = keys[i](row);
        }

        if (!_groups.TryGetValue(_probe, out var aggregators))
        {
            aggregators = NewAggregators();
            _groups[(Value[])_probe.Clone()] = aggregators;
        }

        var timestamp = row.Slots[0].IsMissing ? double.NaN : row.Slots[0].Number;
        var calls = _plan.Aggregates;
        for (var i = 0; i < calls.Length; i++)
        {
            var value = calls[i].Argument is { } argument ? argument(row) : Value.True;
            aggregators[i].Add(value, timestamp, row.Order);
        }
    }

    public override void Merge(RowCollector other)
    {
        foreach (var (key, theirs) in ((StatsCollector)other)._groups)
        {
            if (_groups.TryGetValue(key, out var ours))
            {
                for (var i = 0; i < ours.Length; i++)
                {
                    ours[i].Merge(theirs[i]);
                }
            }
            else
            {
                _groups[key] = theirs;
            }
        }
    }

    public override List<Row> Finish()
    {
        if (_groups.Count == 0 && _plan.GroupKeys.Length == 0)
        {
            // Without 'by' there is always exactly one group, even over no events (count(*) is then 0).
            _groups[[]] = NewAggregators();
        }

        var ordered = _groups.Keys.ToList();
        ordered.Sort(CompareKeys);
        var rows = new List<Row>(ordered.Count);
        foreach (var key in ordered)
        {
            var row = new Row(_slotCount, 0) { Order = rows.Count };
            for (var i = 0; i < key.Length; i++)
            {
                row.Slots[_plan.GroupSlots[i]] = key[i];
            }

            var aggregators = _groups[key];
            for (var i = 0; i < aggregators.Length; i++)
            {
                row.Slots[_plan.AggregateSlots[i]] = aggregators[i].Result();
            }

            for (var i = 0; i < _plan.Outputs.Length; i++)
            {
                row.Slots[_plan.OutputSlots[i]] = _plan.Outputs[i](row);
            }

            rows.Add(row);
        }

        return rows;
    }

    private Aggregator[] NewAggregators() =>
        [.. _plan.Aggregates.Select(a => Aggregators.Create(a.Function, a.Percentile))];

    private static int CompareKeys(Value[] x, Value[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var c = ValueOrder.CompareForSort(x[i], y[i], descending: false);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private sealed class ValueArrayComparer : IEqualityComparer<Value[]>
    {
        public bool Equals(Value[]? x, Value[]? y)
        {
            if (x!.Length != y!.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!x[i].Equals(y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Value[] obj)
        {
            var h = default(HashCode);
            foreach (var v in obj)
            {
                h.Add(v);
            }

            return h.ToHashCode();
        }
    }
}
