using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Charts;

/// <summary>
/// What the investigation charts draw: the calls of an investigated access key and of everything in its blast radius
/// (the keys, sessions and console sessions it spawned), the containment found for it, when its first suspicious call
/// happened, and the whole evidence for baselines ("was this region used before?"). Build it once per investigated
/// key and hand it to every chart builder.
/// <code>
/// var activity = KeyActivity.From(investigator, investigation);
/// ActivityTimelineChart.Create(activity)
/// </code>
/// </summary>
public sealed class KeyActivity
{
    private KeyActivity(
        string label,
        IReadOnlyList<string> accessKeyIds,
        IReadOnlyList<CloudTrailEvent> events,
        EventIndex index,
        IReadOnlyList<Investigation.ContainmentAction> containment,
        DateTimeOffset? firstSuspicious)
    {
        Label = label;
        AccessKeyIds = accessKeyIds;
        Events = events;
        Index = index;
        Containment = containment;
        FirstSuspicious = firstSuspicious;
    }

    /// <summary>What the activity is, for chart titles, e.g. <c>AKIA… and its blast radius</c>.</summary>
    public string Label { get; }

    /// <summary>The keys and sessions whose calls are drawn, the investigated key first.</summary>
    public IReadOnlyList<string> AccessKeyIds { get; }

    /// <summary>Their calls (and the console sign-ins and console calls of users in the blast radius), in time order.</summary>
    public IReadOnlyList<CloudTrailEvent> Events { get; }

    /// <summary>The whole evidence, for baselines.</summary>
    public EventIndex Index { get; }

    /// <summary>Containment of the investigated key or its owner, in time order.</summary>
    public IReadOnlyList<Investigation.ContainmentAction> Containment { get; }

    /// <summary>When the first containment happened, or null when the evidence shows none.</summary>
    public DateTimeOffset? ContainedAt => Containment.Count == 0 ? null : Containment[0].Time;

    /// <summary>
    /// The first call behind a finding of medium or higher severity: where "before" (the key's normal use, the
    /// account's known regions and addresses) ends. Null when there is no such finding.
    /// </summary>
    public DateTimeOffset? FirstSuspicious { get; }

    /// <summary>
    /// The end of the baseline: <see cref="FirstSuspicious"/>, else the first call drawn, else null (no calls).
    /// </summary>
    public DateTimeOffset? BaselineEnd => FirstSuspicious ?? (Events.Count > 0 ? Events[0].EventTime : null);

    /// <summary>
    /// Where time charts of this activity open: from the first suspicious call (with context before it) to the last
    /// call or containment; null when there is no suspicious call or the attack is most of the range.
    /// </summary>
    public TimeWindow? Focus
    {
        get
        {
            if (FirstSuspicious is not { } start || Events.Count == 0)
            {
                return null;
            }

            var end = Events[^1].EventTime;
            if (Containment.Count > 0 && Containment[^1].Time > end)
            {
                end = Containment[^1].Time;
            }

            var first = Events[0].EventTime < start ? Events[0].EventTime : start;
            return TimeWindow.Around(start, end, first, end);
        }
    }

    /// <summary>One marker per containment action, labelled with what was done.</summary>
    public IReadOnlyList<TimeMarker> ContainmentMarkers =>
        [.. Containment.Select(a => new TimeMarker(a.Time, ContainmentLabel(a)))];

    /// <summary>
    /// The activity of <paramref name="investigation"/>: its key, and with <paramref name="includeBlastRadius"/> every
    /// key, session and console session in its blast radius.
    /// </summary>
    public static KeyActivity From(Investigator investigator, KeyInvestigation investigation, bool includeBlastRadius = true)
    {
        ArgumentNullException.ThrowIfNull(investigator);
        ArgumentNullException.ThrowIfNull(investigation);
        var keys = includeBlastRadius ? investigation.BlastRadius.AccessKeyIds : [investigation.AccessKeyId];
        var consoleUsers = includeBlastRadius
            ? investigation.BlastRadius.OfKind(BlastRadiusNodeKind.ConsoleSession).Select(n => n.Id[(n.Id.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList()
            : [];
        var firstSuspicious = investigation.Findings.Where(f => f.Severity >= Severity.Medium).Select(f => (DateTimeOffset?)f.First).Min();
        var label = includeBlastRadius && (keys.Count > 1 || consoleUsers.Count > 0)
            ? investigation.AccessKeyId + " and its blast radius"
            : investigation.AccessKeyId;
        return Create(investigator.Index, keys, consoleUsers, investigation.Profile.Containment, firstSuspicious, label);
    }

    /// <summary>The activity of any set of keys, with the containment and first suspicious time given by the caller.</summary>
    public static KeyActivity From(
        EventIndex index,
        IEnumerable<string> accessKeyIds,
        IReadOnlyList<Investigation.ContainmentAction>? containment = null,
        DateTimeOffset? firstSuspicious = null,
        string? label = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(accessKeyIds);
        var keys = accessKeyIds.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return Create(index, keys, [], containment ?? [], firstSuspicious, label ?? string.Join(", ", keys));
    }

    private static KeyActivity Create(
        EventIndex index,
        IReadOnlyList<string> keys,
        IReadOnlyList<string> consoleUsers,
        IReadOnlyList<Investigation.ContainmentAction> containment,
        DateTimeOffset? firstSuspicious,
        string label)
    {
        var keySet = keys.ToHashSet(StringComparer.Ordinal);
        var users = consoleUsers.ToHashSet(StringComparer.Ordinal);
        var events = index.Events.Where(e =>
            (e.UserIdentity?.AccessKeyId is { } k && keySet.Contains(k)) ||
            (users.Count > 0 && e.UserIdentity is { Type: "IAMUser", UserName: { } u } && users.Contains(u) &&
             (e.EventName == "ConsoleLogin" || CloudTrailFacts.IsConsoleSession(e)))).ToList();
        return new KeyActivity(label, keys, events, index, containment, firstSuspicious);
    }

    private static string ContainmentLabel(Investigation.ContainmentAction action) => action.Kind switch
    {
        ContainmentKind.KeyDeactivated => "key deactivated",
        ContainmentKind.KeyDeleted => "key deleted",
        ContainmentKind.DenyAllPolicy => "deny-all policy",
        ContainmentKind.SessionsRevoked => "sessions revoked",
        ContainmentKind.AwsQuarantine => "AWS quarantine policy",
        _ => "console password deleted",
    };
}
