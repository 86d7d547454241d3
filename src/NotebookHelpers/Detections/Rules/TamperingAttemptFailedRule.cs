using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A failed attempt to switch off logging or detection: the intent is there even when the call failed.</summary>
public sealed class TamperingAttemptFailedRule() : EventRule(
    id: "log-tampering-attempt-failed",
    title: "Failed attempt to disable logging or detection",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562", "Impair Defenses"),
    insightsQuery: RuleQuery.Select("eventName in " + RuleQuery.List(Names) + " and ispresent(errorCode)", "errorMessage"),
    explanation: "A call that would stop CloudTrail, GuardDuty, Config, flow logs or DNS query logs failed (denied, wrong name, missing resource). The successful versions have their own rules; a failed one still shows that someone tried to blind the account, and that they may try again with other rights.",
    recommendedAction: "Find who made the call and what else their key did; check that the logging they targeted is still on.",
    falsePositives: "Clean-up scripts run against resources that are already gone.")
{
    private static readonly string[] Names =
    [
        "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "PutAdvancedEventSelectors", "DeleteDetector", "UpdateDetector",
        "DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount", "StopConfigurationRecorder", "DeleteConfigurationRecorder",
        "DeleteDeliveryChannel", "DeleteFlowLogs", "DeleteResolverQueryLogConfig", "DeleteQueryLoggingConfig",
    ];

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventName is null || !Names.Contains(ev.EventName) || CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var target = CloudTrailFacts.Request(ev, "name") ?? CloudTrailFacts.Request(ev, "trailName") ?? CloudTrailFacts.Request(ev, "detectorId") ??
                     CloudTrailFacts.Request(ev, "configurationRecorderName") ?? CloudTrailFacts.Request(ev, "resolverQueryLogConfigId");
        return new RuleMatch(ev, $"{ev.EventName}{(target is null ? "" : " on " + CloudTrailFacts.LastSegment(target))} failed ({ev.ErrorCode})");
    }
}
