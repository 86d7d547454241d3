using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An inline policy put on a user, role or group; high when it grants administration.</summary>
public sealed class InlinePolicyGrantedRule() : EventRule(
    id: "iam-inline-policy-granted",
    title: "Inline policy added to a user, role or group",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and eventName in [\"PutUserPolicy\", \"PutRolePolicy\", \"PutGroupPolicy\"] and not ispresent(errorCode)",
        "requestParameters.policyName", "requestParameters.policyDocument", "requestParameters.userName", "requestParameters.roleName"),
    explanation: "Put*Policy writes a policy straight into a user, role or group. Attackers use it to grant themselves rights without a visible managed policy. Deny-only documents (containment such as a deny-all) and AWS's own quarantine policy are not reported here.",
    recommendedAction: "Read the policy document in the evidence event; delete the inline policy unless it is confirmed.",
    falsePositives: "Infrastructure-as-code managing inline policies; compare with the usual deploying principal.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || ev.EventName is not ("PutUserPolicy" or "PutRolePolicy" or "PutGroupPolicy") || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var name = CloudTrailFacts.Request(ev, "policyName");
        var document = IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument"));
        if (QuarantinePolicyRule.IsQuarantine(ev) || document is { IsDenyOnly: true })
        {
            return null;
        }

        var (kind, target) = AdminPolicyAttachedRule.Target(ev);
        return document is { AllowsAdministration: true }
            ? new RuleMatch(ev, $"inline policy '{name}' granting administration on {kind} '{target}'", Severity.High)
            : new RuleMatch(ev, $"inline policy '{name}' on {kind} '{target}'");
    }
}
