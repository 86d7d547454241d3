using NotebookHelpers.Detections;

namespace NotebookHelpers.WriteUp;

/// <summary>One moment of the incident timeline.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Kind">What kind of moment: <c>first use</c>, <c>first suspicious call</c>, <c>finding</c>, <c>containment</c>, <c>action executed</c>, <c>key first used</c>, <c>last call</c>.</param>
/// <param name="Severity">The finding's severity, for findings; else null.</param>
/// <param name="Title">What happened, in a few words.</param>
/// <param name="Detail">One line with the specifics (names, addresses, counts).</param>
/// <param name="Actor">Who: principal name, access key, or the defender.</param>
/// <param name="EventId">The CloudTrail event id that shows it, when there is one.</param>
public sealed record TimelineEntry(
    DateTimeOffset Time,
    string Kind,
    Severity? Severity,
    string Title,
    string Detail,
    string? Actor,
    string? EventId);
