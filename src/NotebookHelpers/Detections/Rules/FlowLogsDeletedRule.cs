using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>VPC flow logs deleted: network evidence of exfiltration and mining pools stops.</summary>
public sealed class FlowLogsDeletedRule() : EventRule(
    id: "vpc-flow-logs-deleted",
    title: "VPC flow logs deleted",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    insightsQuery: RuleQuery.Select("eventSource = \"ec2.amazonaws.com\" and eventName = \"DeleteFlowLogs\" and not ispresent(errorCode)", "requestParameters.DeleteFlowLogsRequest.FlowLogId.content"),
    explanation: "Flow logs record which addresses the account's network talked to. Deleting them hides connections to mining pools, command-and-control servers and data transfers.",
    recommendedAction: "Recreate the flow logs and check the remaining ones for traffic from instances the attacker started.",
    falsePositives: "Network teardown by infrastructure-as-code (look for the VPC being deleted at the same time).")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.EventSource == "ec2.amazonaws.com" && ev.EventName == "DeleteFlowLogs" && CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"deleted flow log {ev.GetString("requestParameters.DeleteFlowLogsRequest.FlowLogId.content") ?? ev.GetString("requestParameters.flowLogIds") ?? ""}".TrimEnd())
            : null;
    }
}
