namespace NotebookHelpers.Detections;

/// <summary>
/// A rule that judges the evidence itself rather than its events (e.g. whether the trail's copy was altered): it
/// reports its findings once, when a detection pass completes, from what <see cref="DetectionOptions"/> carries.
/// Its findings point at files, not events, so they have no principal, key or event evidence.
/// </summary>
public interface IEvidenceRule
{
    /// <summary>The findings about the evidence described in <paramref name="options"/>; empty when it says nothing.</summary>
    IReadOnlyList<Finding> Judge(DetectionOptions options);
}
