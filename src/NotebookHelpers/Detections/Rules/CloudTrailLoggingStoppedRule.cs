using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>StopLogging or DeleteTrail succeeded: the account stops recording what the attacker does next.</summary>
public sealed class CloudTrailLoggingStoppedRule() : QueryRule(
    id: "cloudtrail-logging-stopped",
    title: "CloudTrail logging stopped or trail deleted",
    severity: Severity.Critical,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    filter: "eventSource = \"cloudtrail.amazonaws.com\" and eventName in [\"StopLogging\", \"DeleteTrail\"] and " + RuleQuery.Succeeded,
    fields: ["requestParameters.name"],
    explanation: "Someone turned off a CloudTrail trail (StopLogging) or deleted it (DeleteTrail). Attackers do this right before the actions they want to hide; everything after it may be missing from this evidence.",
    recommendedAction: "Restart logging (StartLogging) or recreate the trail at once, then look for activity from the same key in other sources (Event History keeps 90 days of management events even without a trail).",
    falsePositives: "Planned decommissioning of a trail, or infrastructure-as-code replacing one (look for a CreateTrail from the same pipeline).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var trail = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "name")) ?? "(unnamed)";
        return new RuleMatch(ev, ev.EventName == "StopLogging" ? $"stopped logging of trail '{trail}'" : $"deleted trail '{trail}'");
    }
}
