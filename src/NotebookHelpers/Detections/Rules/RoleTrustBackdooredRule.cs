using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A role's trust policy changed to let anyone, or another account, assume it.</summary>
public sealed class RoleTrustBackdooredRule() : EventRule(
    id: "iam-role-trust-backdoored",
    title: "Role trust policy opened to another account",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    insightsQuery: RuleQuery.Select("eventSource = \"iam.amazonaws.com\" and eventName = \"UpdateAssumeRolePolicy\" and not ispresent(errorCode)", "requestParameters.roleName", "requestParameters.policyDocument"),
    explanation: "UpdateAssumeRolePolicy rewrites who may assume a role. A trust policy whose principal is \"*\" or an account outside this one lets the attacker assume the role from their own account at any time: a backdoor that needs no key in this account. Trust changes that only name this account or AWS services are not reported.",
    recommendedAction: "Restore the previous trust policy, then revoke the role's active sessions (an inline deny with aws:TokenIssueTime) and look for AssumeRole calls from the external account.",
    falsePositives: "Legitimate cross-account access set up for a vendor or another company account; check the external account id.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || ev.EventName != "UpdateAssumeRolePolicy" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var role = CloudTrailFacts.Request(ev, "roleName");
        return Describe(ev, IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument")), $"trust policy of role '{role}'");
    }

    internal static RuleMatch? Describe(CloudTrailEvent ev, IamPolicyDocument? trust, string what)
    {
        if (trust is null)
        {
            return null;
        }

        if (trust.TrustsAnyone)
        {
            return new RuleMatch(ev, $"{what} lets anyone assume it");
        }

        var own = ev.RecipientAccountId ?? ev.UserIdentity?.AccountId;
        var external = trust.ExternalAccounts(own);
        return external.Count == 0 ? null : new RuleMatch(ev, $"{what} trusts external account {string.Join(", ", external)}");
    }
}
