namespace NotebookHelpers.Evidence;

/// <summary>
/// Two records with the same <c>eventID</c> but different content. Both are kept: CloudTrail never rewrites an
/// event, so this is either two sources that disagree (a console CSV row next to the trail record) or tampering.
/// </summary>
/// <param name="EventId">The shared eventID.</param>
/// <param name="First">Where the first copy was read.</param>
/// <param name="Second">Where the differing copy was read.</param>
public sealed record EventConflict(string EventId, EvidenceLocation First, EvidenceLocation Second)
{
    /// <inheritdoc />
    public override string ToString() => $"eventID {EventId}: {First} differs from {Second}";
}
