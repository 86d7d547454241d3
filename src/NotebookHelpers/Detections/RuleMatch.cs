using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// What a rule reports about one event (or, for stateful rules, the event that completed a pattern plus the events
/// that led to it). The runner turns matches into <see cref="Finding"/>s, merging close matches of the same rule and
/// principal.
/// </summary>
/// <param name="Event">The event that triggered the match; its principal and access key are the finding's.</param>
/// <param name="Summary">One line a trainee understands, e.g. <c>created access key AKIA… for user 'backup'</c>.</param>
/// <param name="Severity">The match's severity when it differs from the rule's default, else null.</param>
/// <param name="Related">Earlier events that belong to the same pattern (a burst), oldest first; may be empty.</param>
public sealed record RuleMatch(CloudTrailEvent Event, string Summary, Severity? Severity = null, IReadOnlyList<CloudTrailEvent>? Related = null);
