using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>GetFederationToken: temporary credentials that outlive the deactivation of the key that made them.</summary>
public sealed class FederationTokenRule() : QueryRule(
    id: "sts-federation-token",
    title: "Federation token issued",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1550.001", "Use Alternate Authentication Material: Application Access Token"),
    filter: "eventSource = \"sts.amazonaws.com\" and eventName = \"GetFederationToken\" and " + RuleQuery.Succeeded,
    fields: ["requestParameters.name", "responseElements.credentials.accessKeyId"],
    explanation: "GetFederationToken turns a long-term key into temporary credentials (up to 36 hours) that keep working after the key is deactivated, and can open a console session. Few legitimate tools use it.",
    recommendedAction: "Follow the session's ASIA key (responseElements.credentials.accessKeyId); revoke it by denying the user with an aws:TokenIssueTime condition.",
    falsePositives: "Older federation proxies and custom SSO brokers.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"federation token '{CloudTrailFacts.Request(ev, "name")}' issued as {CloudTrailFacts.KeyText(CloudTrailFacts.Response(ev, "credentials.accessKeyId"))}");
    }
}
