namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>The outcome of an Event History sweep: per region, and where its pages are.</summary>
/// <param name="Attribute">The lookup attribute swept, or null for every management event.</param>
/// <param name="Start">The start of the range asked for (null: 90 days back, as far as Event History goes).</param>
/// <param name="End">The end of the range, fixed at the first run so a resumed sweep asks the same question.</param>
/// <param name="Folder">The sweep's folder, relative to the evidence folder.</param>
/// <param name="Regions">One outcome per region, in region order.</param>
/// <param name="PagePaths">Every saved page, relative to the evidence folder, region by region in page order.</param>
public sealed record EventHistorySweepResult(
    LookupAttribute? Attribute,
    DateTimeOffset? Start,
    DateTimeOffset End,
    string Folder,
    IReadOnlyList<EventHistoryRegionOutcome> Regions,
    IReadOnlyList<string> PagePaths)
{
    /// <summary>True when every region reached its last page.</summary>
    public bool IsComplete => Regions.All(r => r.IsComplete);

    /// <summary>Events in every saved page.</summary>
    public long Events => Regions.Sum(r => r.Events);
}
