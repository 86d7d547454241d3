using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An administrator-level managed policy attached to a user, role or group.</summary>
public sealed class AdminPolicyAttachedRule() : QueryRule(
    id: "iam-admin-policy-attached",
    title: "Administrator policy attached",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    filter: "eventSource = \"iam.amazonaws.com\" and eventName in [\"AttachUserPolicy\", \"AttachRolePolicy\", \"AttachGroupPolicy\"] and requestParameters.policyArn like /\\/(AdministratorAccess|IAMFullAccess|PowerUserAccess)$/ and " + RuleQuery.Succeeded,
    fields: ["requestParameters.policyArn", "requestParameters.userName", "requestParameters.roleName", "requestParameters.groupName"],
    explanation: "AdministratorAccess (or IAMFullAccess, which can grant itself anything, or PowerUserAccess) was attached to a user, role or group. Attackers give the users and roles they create full control this way.",
    recommendedAction: "Detach the policy unless the change is confirmed, and review everything the principal did after it.",
    falsePositives: "Break-glass or platform roles set up by administrators.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var (kind, name) = Target(ev);
        return new RuleMatch(ev, $"attached {CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "policyArn"))} to {kind} '{name}'");
    }

    internal static (string Kind, string? Name) Target(CloudTrailEvent ev) =>
        CloudTrailFacts.Request(ev, "userName") is { } user ? ("user", user)
        : CloudTrailFacts.Request(ev, "roleName") is { } role ? ("role", role)
        : ("group", CloudTrailFacts.Request(ev, "groupName"));
}
