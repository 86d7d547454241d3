using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An access key created for the root user itself.</summary>
public sealed class RootAccessKeyCreatedRule() : QueryRule(
    id: "root-access-key-created",
    title: "Root access key created",
    severity: Severity.Critical,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098.001", "Account Manipulation: Additional Cloud Credentials"),
    filter: "eventName = \"CreateAccessKey\" and userIdentity.type = \"Root\" and not ispresent(requestParameters.userName) and " + RuleQuery.Succeeded,
    fields: ["responseElements.accessKey.accessKeyId"],
    explanation: "Root created an access key for itself. A root key can do anything and cannot be restricted; AWS recommends never having one. Created during an incident, it is a backdoor with full control.",
    recommendedAction: "Deactivate and delete the root key now (root console, Security credentials), then review what it did.",
    falsePositives: "None that are good practice.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"created root access key {CloudTrailFacts.KeyText(CloudTrailFacts.Response(ev, "accessKey.accessKeyId"))}");
    }
}
