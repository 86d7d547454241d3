using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A managed policy's default version replaced (CreatePolicyVersion with setAsDefault, SetDefaultPolicyVersion).</summary>
public sealed class PolicyVersionCreatedRule() : EventRule(
    id: "iam-policy-version-changed",
    title: "Managed policy version changed",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and eventName in [\"CreatePolicyVersion\", \"SetDefaultPolicyVersion\"] and not ispresent(errorCode)",
        "requestParameters.policyArn", "requestParameters.setAsDefault", "requestParameters.versionId"),
    explanation: "A principal allowed to edit a customer managed policy can make a new version that grants everything and set it as default; everyone who has that policy then gets the new rights. This is a classic privilege escalation.",
    recommendedAction: "List the policy's versions, restore the previous default and delete the new version if unexpected.",
    falsePositives: "Normal policy updates by infrastructure-as-code.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var policy = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "policyArn"));
        if (ev.EventName == "SetDefaultPolicyVersion")
        {
            return new RuleMatch(ev, $"set version {CloudTrailFacts.Request(ev, "versionId")} of policy '{policy}' as default");
        }

        if (ev.EventName != "CreatePolicyVersion")
        {
            return null;
        }

        var document = IamPolicyDocument.TryParse(CloudTrailFacts.Request(ev, "policyDocument"));
        var isDefault = CloudTrailFacts.IsTrue(ev, "requestParameters.setAsDefault");
        if (isDefault && document is { AllowsAdministration: true })
        {
            return new RuleMatch(ev, $"new default version of policy '{policy}' grants administration", Severity.High);
        }

        return new RuleMatch(ev, $"new {(isDefault ? "default " : "")}version of policy '{policy}'", isDefault ? null : Severity.Low);
    }
}
