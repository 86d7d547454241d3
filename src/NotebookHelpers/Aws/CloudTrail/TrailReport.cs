namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>One trail with its status and coverage, as far as they could be read.</summary>
/// <param name="Trail">The trail.</param>
/// <param name="Status">Its logging status, or null when it could not be read.</param>
/// <param name="Coverage">What it records, or null when its selectors could not be read.</param>
/// <param name="Problems">Calls that failed for this trail, one line each.</param>
public sealed record TrailReport(TrailInfo Trail, TrailStatus? Status, EventCoverage? Coverage, IReadOnlyList<string> Problems);
