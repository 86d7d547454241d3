using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A user added to a group, inheriting the group's policies.</summary>
public sealed class UserAddedToGroupRule() : QueryRule(
    id: "iam-user-added-to-group",
    title: "User added to a group",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    filter: "eventSource = \"iam.amazonaws.com\" and eventName = \"AddUserToGroup\" and " + RuleQuery.Succeeded,
    fields: ["requestParameters.userName", "requestParameters.groupName"],
    explanation: "Adding a user to a group (for example Admins) gives it all the group's rights without touching any policy, which some reviews miss.",
    recommendedAction: "Remove the user from the group unless the change is confirmed; check what the group allows.",
    falsePositives: "Onboarding by administrators or identity automation.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"added user '{CloudTrailFacts.Request(ev, "userName")}' to group '{CloudTrailFacts.Request(ev, "groupName")}'");
    }
}
