using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An IAM Roles Anywhere trust anchor: the attacker's certificate authority can now mint role sessions.</summary>
public sealed class RolesAnywhereTrustAnchorRule() : QueryRule(
    id: "rolesanywhere-trust-anchor-created",
    title: "IAM Roles Anywhere trust anchor created",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098.003", "Account Manipulation: Additional Cloud Roles"),
    filter: "eventSource = \"rolesanywhere.amazonaws.com\" and eventName in [\"CreateTrustAnchor\", \"CreateProfile\", \"UpdateTrustAnchor\"] and " + RuleQuery.Succeeded,
    fields: ["requestParameters.name"],
    explanation: "A Roles Anywhere trust anchor trusts a certificate authority; with a profile, anyone holding a certificate from that CA gets sessions of the profile's roles from outside AWS. An attacker who registers their own CA has a durable way back in.",
    recommendedAction: "Disable and delete the trust anchor and profile unless confirmed; check which roles the profile allows.",
    falsePositives: "On-premises workloads being onboarded to Roles Anywhere by the platform team.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"{ev.EventName} '{CloudTrailFacts.Request(ev, "name")}'", ev.EventName == "CreateTrustAnchor" ? null : Severity.Medium);
    }
}
