using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A new role that anyone, or another account, may assume.</summary>
public sealed class RoleCreatedWithExternalTrustRule() : EventRule(
    id: "iam-role-created-with-external-trust",
    title: "Role created with external trust",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    insightsQuery: RuleQuery.Select("eventSource = \"iam.amazonaws.com\" and eventName = \"CreateRole\" and not ispresent(errorCode)", "requestParameters.roleName", "requestParameters.assumeRolePolicyDocument"),
    explanation: "CreateRole with a trust policy naming \"*\" or an account outside this one creates a door the attacker can walk through from their own account, even after every key here is rotated. Roles trusted only by this account or by AWS services are not reported.",
    recommendedAction: "Delete the role (after saving its policies as evidence) unless confirmed; search for AssumeRole of it from the external account.",
    falsePositives: "Cross-account roles for vendors, CI in another company account, or organisation tooling.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || ev.EventName != "CreateRole" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var role = CloudTrailFacts.Request(ev, "roleName");
        return RoleTrustBackdooredRule.Describe(ev, IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "assumeRolePolicyDocument")), $"new role '{role}'");
    }
}
