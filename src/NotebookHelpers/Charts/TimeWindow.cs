namespace NotebookHelpers.Charts;

/// <summary>
/// The part of a time axis a chart opens on: the activity that matters (a key's attack, from its first suspicious
/// call to its last call or containment) with some time before it for context, while the data outside stays in the
/// chart (a double-click on the chart shows all of it). Without it, five days of routine use squeeze a three-hour
/// attack into a sliver at the right edge.
/// </summary>
/// <param name="Start">Where the axis starts.</param>
/// <param name="End">Where the activity ends (the axis adds a little room after it).</param>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The shortest context shown before the activity.</summary>
    public static readonly TimeSpan MinimumContext = TimeSpan.FromHours(1);

    /// <summary>The window's length.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>
    /// The window from <paramref name="activityStart"/> to <paramref name="activityEnd"/> with a quarter of its
    /// length (at least <see cref="MinimumContext"/>) of context before it; null when that window would still cover
    /// more than half of <paramref name="first"/>..<paramref name="last"/> (the whole range reads well then).
    /// </summary>
    public static TimeWindow? Around(DateTimeOffset activityStart, DateTimeOffset activityEnd, DateTimeOffset first, DateTimeOffset last)
    {
        var context = TimeSpan.FromTicks(Math.Max(MinimumContext.Ticks, (activityEnd - activityStart).Ticks / 4));
        var start = activityStart - context;
        if (start <= first || (activityEnd - start).Ticks * 2 > (last - first).Ticks)
        {
            return null;
        }

        return new TimeWindow(start, activityEnd);
    }
}
