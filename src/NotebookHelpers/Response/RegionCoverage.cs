namespace NotebookHelpers.Response;

/// <summary>One region of an Event History sweep.</summary>
/// <param name="Region">The region.</param>
/// <param name="Pages">LookupEvents pages saved (a region with no event still has one empty page).</param>
/// <param name="Events">Events read from them.</param>
/// <param name="Failed">Of those, calls that returned an error.</param>
/// <param name="First">The first event's time, or null.</param>
/// <param name="Last">The last event's time, or null.</param>
public sealed record RegionCoverage(string Region, int Pages, int Events, int Failed, DateTimeOffset? First, DateTimeOffset? Last);
