namespace NotebookHelpers.Charts;

/// <summary>A moment drawn as a vertical line on a timeline, e.g. when the key was disabled.</summary>
/// <param name="Time">When.</param>
/// <param name="Label">What happened; shown next to the line.</param>
public sealed record TimeMarker(DateTimeOffset Time, string Label);
