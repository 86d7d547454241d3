using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>AWS Config recording or delivery stopped, so resource changes are no longer recorded.</summary>
public sealed class ConfigRecordingStoppedRule() : QueryRule(
    id: "config-recording-stopped",
    title: "AWS Config recording stopped",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.001", "Impair Defenses: Disable or Modify Tools"),
    filter: "eventSource = \"config.amazonaws.com\" and eventName in " + RuleQuery.List(Names) + " and " + RuleQuery.Succeeded,
    fields: [],
    explanation: "AWS Config keeps the history of every resource's configuration. Stopping or deleting the recorder or the delivery channel, or deleting rules, removes that history for what the attacker changes next.",
    recommendedAction: "Restart the recorder (StartConfigurationRecorder), recreate the delivery channel and rules, and note the gap in the incident timeline.",
    falsePositives: "Config being reconfigured by infrastructure-as-code or moved to an organisation aggregator.")
{
    private static readonly string[] Names =
        ["StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel", "DeleteConfigRule", "DeleteConformancePack"];

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"{ev.EventName} '{CloudTrailFacts.Request(ev, "configurationRecorderName") ?? CloudTrailFacts.Request(ev, "deliveryChannelName") ?? CloudTrailFacts.Request(ev, "configRuleName") ?? "default"}'");
    }
}
