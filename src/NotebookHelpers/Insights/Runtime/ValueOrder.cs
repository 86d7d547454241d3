namespace NotebookHelpers.Insights.Runtime;

/// <summary>
/// Orders values for <c>sort</c>, <c>min</c>/<c>max</c>, <c>sortsFirst</c>/<c>sortsLast</c> and the default order of
/// stats groups: two numbers (or timestamps) compare numerically and come after every non-number; everything else
/// follows <see cref="NaturalSortComparer"/> on the display text. Missing values are handled by the caller (they sort
/// last in both directions).
/// </summary>
public static class ValueOrder
{
    /// <summary>Compares two present values in ascending order.</summary>
    public static int Compare(Value x, Value y)
    {
        var xNumeric = x.Kind is ValueKind.Number or ValueKind.Timestamp or ValueKind.Boolean;
        var yNumeric = y.Kind is ValueKind.Number or ValueKind.Timestamp or ValueKind.Boolean;
        if (xNumeric && yNumeric)
        {
            return x.Number.CompareTo(y.Number);
        }

        if (xNumeric && y.Kind == ValueKind.String && NaturalSortComparer.IsAllDigits(y.RawText))
        {
            return Coerce.TryNumber(y, out var n) ? x.Number.CompareTo(n) : 1;
        }

        if (yNumeric && x.Kind == ValueKind.String && NaturalSortComparer.IsAllDigits(x.RawText))
        {
            return Coerce.TryNumber(x, out var n) ? n.CompareTo(y.Number) : -1;
        }

        if (xNumeric != yNumeric)
        {
            return xNumeric ? 1 : -1;
        }

        return NaturalSortComparer.Instance.Compare(Coerce.ToText(x), Coerce.ToText(y));
    }

    /// <summary>Compares with missing values last, then <paramref name="descending"/> reverses present values only.</summary>
    public static int CompareForSort(Value x, Value y, bool descending)
    {
        if (x.IsMissing || y.IsMissing)
        {
            return x.IsMissing == y.IsMissing ? 0 : x.IsMissing ? 1 : -1;
        }

        var c = Compare(x, y);
        return descending ? -c : c;
    }
}
