namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Keeps the first <c>N</c> rows in <see cref="RowOrder"/>: a bounded heap whose root is the worst kept row, so a
/// sorted <c>limit</c> over millions of events holds N rows.
/// </summary>
internal sealed class TopRowsCollector : RowCollector
{
    private readonly RowOrder _order;
    private readonly int _capacity;
    private readonly Action<Row>? _beforeKeep;
    private readonly PriorityQueue<Row, Row> _heap;

    public TopRowsCollector(RowOrder order, int capacity, Action<Row>? beforeKeep)
    {
        _order = order;
        _capacity = capacity;
        _beforeKeep = beforeKeep;
        _heap = new PriorityQueue<Row, Row>(Comparer<Row>.Create((a, b) => order.Compare(b, a)));
    }

    public override void Add(Row row)
    {
        if (_heap.Count < _capacity)
        {
            Keep(row);
            return;
        }

        if (_order.Compare(row, _heap.Peek()) < 0)
        {
            _heap.Dequeue();
            Keep(row);
        }
    }

    public void AddKept(Row row)
    {
        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(row, row);
        }
        else if (_order.Compare(row, _heap.Peek()) < 0)
        {
            _heap.Dequeue();
            _heap.Enqueue(row, row);
        }
    }

    public override void Merge(RowCollector other)
    {
        foreach (var (row, _) in ((TopRowsCollector)other)._heap.UnorderedItems)
        {
            AddKept(row);
        }
    }

    public override List<Row> Finish()
    {
        var rows = _heap.UnorderedItems.Select(x => x.Element).ToList();
        rows.Sort(_order);
        return rows;
    }

    private void Keep(Row row)
    {
        _beforeKeep?.Invoke(row);
        var copy = row.Clone();
        _heap.Enqueue(copy, copy);
    }
}
