using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A failed attempt to switch off logging or detection: the intent is there even when the call failed.</summary>
public sealed class TamperingAttemptFailedRule() : QueryRule(
    id: "log-tampering-attempt-failed",
    title: "Failed attempt to disable logging or detection",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562", "Impair Defenses"),
    filter: "eventName in " + RuleQuery.List(Names) + " and " + RuleQuery.Failed,
    fields: ["errorMessage"],
    explanation: "A call that would stop CloudTrail, GuardDuty, Config, flow logs or DNS query logs failed (denied, wrong name, missing resource). The successful versions have their own rules; a failed one still shows that someone tried to blind the account, and that they may try again with other rights. A failure because the target does not exist (TrailNotFound, InvalidTrailName, NoSuch…) is Info: nothing was at risk.",
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
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var target = CloudTrailFacts.Request(ev, "name") ?? CloudTrailFacts.Request(ev, "trailName") ?? CloudTrailFacts.Request(ev, "detectorId") ??
                     CloudTrailFacts.Request(ev, "configurationRecorderName") ?? CloudTrailFacts.Request(ev, "resolverQueryLogConfigId");
        var what = $"{ev.EventName}{(target is null ? "" : " on " + CloudTrailFacts.LastSegment(target))} failed ({ev.ErrorCode})";
        return TargetDoesNotExist(ev.ErrorCode)
            ? new RuleMatch(ev, what + ": the target does not exist, so nothing was at risk", Severity.Info)
            : new RuleMatch(ev, what);
    }

    /// <summary>Errors that say the named trail, detector or recorder does not exist (a clean-up or a wrong guess).</summary>
    private static bool TargetDoesNotExist(string? errorCode) =>
        errorCode is not null &&
        (errorCode.Contains("NotFound", StringComparison.OrdinalIgnoreCase) || errorCode.Contains("InvalidTrailName", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Contains("NoSuch", StringComparison.OrdinalIgnoreCase));
}
