namespace NotebookHelpers.Charts;

/// <summary>Options of <see cref="KeyUsageChart"/>.</summary>
public sealed class KeyUsageChartOptions
{
    /// <summary>The key the events belong to, shown in the title.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The bucket width; one hour by default.</summary>
    public TimeSpan BucketSize { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Extend the time axis back to the start of the investigated range.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Extend the time axis up to the end of the investigated range.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Moments to mark, e.g. the defender's <c>UpdateAccessKey</c> (key disabled).</summary>
    public IReadOnlyList<TimeMarker> Markers { get; init; } = [];
}
