using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>The account left its AWS Organization, escaping its service control policies and central logging.</summary>
public sealed class OrganizationLeftRule() : QueryRule(
    id: "organizations-leave",
    title: "Account left its AWS Organization",
    severity: Severity.Critical,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1666", "Modify Cloud Resource Hierarchy"),
    filter: "eventSource = \"organizations.amazonaws.com\" and eventName = \"LeaveOrganization\"",
    fields: [],
    explanation: "LeaveOrganization detaches the account from its organisation: the organisation's guard-rails (SCPs), its organisation trail and its security tooling no longer apply. Even a failed attempt shows intent.",
    recommendedAction: "Contact the organisation's management account owners at once; re-invite the account and restore SCPs and organisation logging.",
    falsePositives: "A planned account migration between organisations.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, "left the AWS Organization")
            : new RuleMatch(ev, $"tried to leave the AWS Organization ({ev.ErrorCode})", Severity.High);
    }
}
