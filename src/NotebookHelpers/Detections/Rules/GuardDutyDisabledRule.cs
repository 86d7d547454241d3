using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>GuardDuty switched off, detached from its administrator, or taught to ignore the attacker.</summary>
public sealed class GuardDutyDisabledRule() : EventRule(
    id: "guardduty-disabled",
    title: "GuardDuty disabled or weakened",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.001", "Impair Defenses: Disable or Modify Tools"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"guardduty.amazonaws.com\" and eventName in " + RuleQuery.List(Names) + " and not ispresent(errorCode)",
        "requestParameters.detectorId", "requestParameters.enable"),
    explanation: "GuardDuty is the service that would raise alerts about this key. Deleting the detector, disabling it, disassociating the account from its GuardDuty administrator, stopping member monitoring, adding a trusted IP list or an auto-archive filter all silence it.",
    recommendedAction: "Re-enable GuardDuty (and the administrator association), remove unknown IP sets and filters, and review the findings GuardDuty had before the change.",
    falsePositives: "Organisation-wide GuardDuty restructuring by the security team; trusted IP lists maintained for scanners.")
{
    private static readonly string[] Names =
    [
        "DeleteDetector", "UpdateDetector", "DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount",
        "DeleteMembers", "DisassociateMembers", "StopMonitoringMembers", "CreateIPSet", "UpdateIPSet", "DeleteInvitations",
        "DeletePublishingDestination", "CreateFilter", "UpdateFilter",
    ];

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "guardduty.amazonaws.com" || ev.EventName is null || !Names.Contains(ev.EventName) || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var detector = CloudTrailFacts.Request(ev, "detectorId") ?? "(unknown detector)";
        return ev.EventName switch
        {
            "UpdateDetector" when CloudTrailFacts.Request(ev, "enable") == "false" => new RuleMatch(ev, $"disabled GuardDuty detector {detector}"),
            "UpdateDetector" => null,
            "CreateFilter" or "UpdateFilter" when CloudTrailFacts.Request(ev, "action") != "ARCHIVE" => null,
            "CreateFilter" or "UpdateFilter" => new RuleMatch(ev, $"GuardDuty auto-archive filter '{CloudTrailFacts.Request(ev, "name")}' on detector {detector}"),
            "CreateIPSet" or "UpdateIPSet" => new RuleMatch(ev, $"GuardDuty trusted IP list '{CloudTrailFacts.Request(ev, "name")}' ({ev.EventName}) on detector {detector}"),
            "DeleteDetector" => new RuleMatch(ev, $"deleted GuardDuty detector {detector}"),
            _ => new RuleMatch(ev, $"{ev.EventName} on GuardDuty detector {detector}"),
        };
    }
}
