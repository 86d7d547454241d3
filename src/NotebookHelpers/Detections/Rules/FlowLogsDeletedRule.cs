using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>VPC flow logs deleted: network evidence of exfiltration and mining pools stops.</summary>
public sealed class FlowLogsDeletedRule() : QueryRule(
    id: "vpc-flow-logs-deleted",
    title: "VPC flow logs deleted",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1562.008", "Impair Defenses: Disable or Modify Cloud Logs"),
    filter: "eventSource = \"ec2.amazonaws.com\" and eventName = \"DeleteFlowLogs\" and " + RuleQuery.Succeeded,
    fields: ["requestParameters.DeleteFlowLogsRequest.FlowLogId.content"],
    explanation: "Flow logs record which addresses the account's network talked to. Deleting them hides connections to mining pools, command-and-control servers and data transfers.",
    recommendedAction: "Recreate the flow logs and check the remaining ones for traffic from instances the attacker started.",
    falsePositives: "Network teardown by infrastructure-as-code (look for the VPC being deleted at the same time).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"deleted flow log {ev.GetString("requestParameters.DeleteFlowLogsRequest.FlowLogId.content") ?? ev.GetString("requestParameters.flowLogIds") ?? ""}".TrimEnd());
    }
}
