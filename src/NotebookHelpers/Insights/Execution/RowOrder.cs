using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// The order of result rows: the captured sort keys with their directions (missing values last), or — when the
/// query has no sort — <c>@timestamp</c> descending; ties fall back to input order, so results never depend on
/// how the work was split between threads.
/// </summary>
internal sealed class RowOrder : IComparer<Row>
{
    private readonly bool[] _descending;

    public RowOrder(bool[] descending) => _descending = descending;

    /// <summary>True when rows carry sort keys; false for the default <c>@timestamp desc</c>.</summary>
    public bool HasSortKeys => _descending.Length > 0;

    public int Compare(Row? x, Row? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        if (_descending.Length == 0)
        {
            var c = ValueOrder.CompareForSort(x.Slots[0], y.Slots[0], descending: true);
            if (c != 0)
            {
                return c;
            }
        }
        else
        {
            for (var i = 0; i < _descending.Length; i++)
            {
                var c = ValueOrder.CompareForSort(x.SortKeys[i], y.SortKeys[i], _descending[i]);
                if (c != 0)
                {
                    return c;
                }
            }
        }

        return x.Order.CompareTo(y.Order);
    }
}
