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
    explanation: "Put*Policy writes a policy straight into a user, role or group. Attackers use it to grant themselves rights without a visible managed policy. Deny-only documents (containment such as a deny-all), AWS's own quarantine policy and records that name no policy are not reported here; a policy that does not grant administration, put by an infrastructure-as-code tool (Terraform, Pulumi, the CDK: its user agent), is Info.",
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

        // A record without request parameters (null in Panther's fixtures, dropped by some exports) names no policy
        // and no target: there is nothing to report or to act on.
        var name = CloudTrailFacts.Request(ev, "policyName");
        var (kind, target) = AdminPolicyAttachedRule.Target(ev);
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(target))
        {
            return null;
        }

        var document = IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument"));
        if (QuarantinePolicyRule.IsQuarantine(ev) || document is { IsDenyOnly: true })
        {
            return null;
        }

        if (document is { AllowsAdministration: true })
        {
            return new RuleMatch(ev, $"inline policy '{name}' granting administration on {kind} '{target}'", Severity.High);
        }

        return CloudTrailFacts.InfrastructureAsCodeTool(ev.UserAgent) is { } tool
            ? new RuleMatch(ev, $"inline policy '{name}' on {kind} '{target}', deployed by {tool} (infrastructure-as-code)", Severity.Info)
            : new RuleMatch(ev, $"inline policy '{name}' on {kind} '{target}'");
    }
}
