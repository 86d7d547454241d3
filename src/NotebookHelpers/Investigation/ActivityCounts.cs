namespace NotebookHelpers.Investigation;

/// <summary>Counts for a slice of a key's activity (all of it, or before / after containment).</summary>
/// <param name="Events">Events in the slice.</param>
/// <param name="Succeeded">Events without an error code.</param>
/// <param name="Failed">Events with an error code.</param>
/// <param name="AccessDenied">Failed events whose error is an authorisation failure.</param>
/// <param name="First">Time of the first event, or null when the slice is empty.</param>
/// <param name="Last">Time of the last event, or null when the slice is empty.</param>
/// <param name="SourceIPs">Distinct source addresses in the slice.</param>
public sealed record ActivityCounts(int Events, int Succeeded, int Failed, int AccessDenied, DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<string> SourceIPs)
{
    /// <summary>No activity.</summary>
    public static ActivityCounts Empty { get; } = new(0, 0, 0, 0, null, null, []);
}
