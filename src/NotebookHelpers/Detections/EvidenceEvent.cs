using NotebookHelpers.Events;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Detections;

/// <summary>
/// A pointer from a finding (or a graph edge) to one CloudTrail event that supports it: CloudTrail's event id, and
/// where the record sits in the evidence so an analyst can open it.
/// </summary>
/// <param name="EventId">CloudTrail's <c>eventID</c> (null in the rare records that lack one).</param>
/// <param name="EventTime">The event time, UTC.</param>
/// <param name="EventSource">The service, e.g. <c>iam.amazonaws.com</c>.</param>
/// <param name="EventName">The API call, e.g. <c>CreateAccessKey</c>.</param>
/// <param name="ErrorCode">The error the call returned, or null when it succeeded.</param>
/// <param name="Location">File, archive entry and line or byte offset of the record.</param>
public sealed record EvidenceEvent(
    string? EventId,
    DateTimeOffset EventTime,
    string? EventSource,
    string? EventName,
    string? ErrorCode,
    EvidenceLocation Location)
{
    /// <summary>The pointer to <paramref name="ev"/>.</summary>
    public static EvidenceEvent From(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new EvidenceEvent(ev.EventID, ev.EventTime, ev.EventSource, ev.EventName, ev.ErrorCode, ev.Location);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Events.UtcTime.Text(EventTime)} {EventName}{(ErrorCode is null ? "" : " (" + ErrorCode + ")")} {EventId} at {Display.DisplayPath.Of(Location)}";
}
