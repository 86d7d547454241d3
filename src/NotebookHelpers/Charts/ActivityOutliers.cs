namespace NotebookHelpers.Charts;

/// <summary>
/// Splits timed items into what a timeline should show and the outliers it should only name: items are grouped where
/// nothing happened for more than <see cref="Gap"/>; the group with the most weight is the active window, and another
/// group is an outlier when it holds at most a tenth of that weight. One call of a key in 2019 would otherwise stretch
/// an hourly chart of a one-day incident over six years (too many bars to draw, or bars too thin to see); a key used
/// once a month keeps every month, since each of its groups weighs as much as the largest.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ActivityOutliers<T>
{
    /// <summary>The quiet time that separates two groups of activity.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromDays(30);

    private ActivityOutliers(IReadOnlyList<T> shown, IReadOnlyList<T> outliers)
    {
        Shown = shown;
        Outliers = outliers;
    }

    /// <summary>The items to chart, in time order.</summary>
    public IReadOnlyList<T> Shown { get; }

    /// <summary>The items left out, in time order.</summary>
    public IReadOnlyList<T> Outliers { get; }

    /// <summary>Splits <paramref name="items"/>.</summary>
    public static ActivityOutliers<T> Split(IEnumerable<T> items, Func<T, DateTimeOffset> time, Func<T, long> weight)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(weight);
        var sorted = items.OrderBy(time).ToList();
        var groups = new List<List<T>>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i == 0 || time(sorted[i]) - time(sorted[i - 1]) > Gap)
            {
                groups.Add([]);
            }

            groups[^1].Add(sorted[i]);
        }

        if (groups.Count < 2)
        {
            return new ActivityOutliers<T>(sorted, []);
        }

        var main = groups.Max(g => g.Sum(weight));
        var shown = new List<T>();
        var outliers = new List<T>();
        foreach (var group in groups)
        {
            (group.Sum(weight) * 10 <= main ? outliers : shown).AddRange(group);
        }

        return new ActivityOutliers<T>(shown, outliers);
    }
}
