namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>How an Event History sweep paces itself.</summary>
public sealed class EventHistorySweepOptions
{
    /// <summary>LookupEvents requests per second in each region; AWS allows 2 per account per region.</summary>
    public double RequestsPerSecondPerRegion { get; init; } = 2.0;

    /// <summary>Regions swept at the same time.</summary>
    public int MaxParallelRegions { get; init; } = 32;
}
