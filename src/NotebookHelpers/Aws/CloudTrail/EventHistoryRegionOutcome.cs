namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>How the sweep of one region ended.</summary>
/// <param name="Region">The region.</param>
/// <param name="Pages">Pages saved (including pages resumed from a previous run).</param>
/// <param name="Events">Events in those pages.</param>
/// <param name="ResumedPages">Pages that were already in the evidence folder and not fetched again.</param>
/// <param name="IsComplete">True when the last page (no NextToken) was reached.</param>
/// <param name="Error">Why the region stopped early, or null.</param>
public sealed record EventHistoryRegionOutcome(string Region, int Pages, long Events, int ResumedPages, bool IsComplete, string? Error);
