using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Secrets Manager values read (or tried): the key is being used to collect more credentials.</summary>
public sealed class SecretsReadRule() : QueryRule(
    id: "secrets-manager-read",
    title: "Secrets read from Secrets Manager",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1555.006", "Credentials from Password Stores: Cloud Secrets Management Stores"),
    filter: "eventSource = \"secretsmanager.amazonaws.com\" and eventName in [\"GetSecretValue\", \"BatchGetSecretValue\"] and not ispresent(userIdentity.invokedBy)",
    fields: ["requestParameters.secretId", "requestParameters.secretIdList.0", "requestParameters.filters.0.key"],
    explanation: "GetSecretValue and BatchGetSecretValue return stored secrets: database passwords, API tokens, other keys. After a key leak, secrets read by the attacker must be treated as leaked too. Denied attempts are reported as well; they show what the attacker was after.",
    recommendedAction: "List the secrets read (the evidence events name them) and rotate every one of them, then look for use of those credentials elsewhere.",
    falsePositives: "Applications reading their own secrets at start-up (normally through a role session inside AWS, always the same secrets).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var secret = CloudTrailFacts.LastSegment(CloudTrailFacts.Request(ev, "secretId"), ':') ??
                     (CloudTrailFacts.Request(ev, "secretIdList") is { } list ? list : CloudTrailFacts.Request(ev, "filters") is { } filters ? "filter " + filters : "(all)");
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"read secret {secret}")
            : new RuleMatch(ev, $"tried to read secret {secret} ({ev.ErrorCode})");
    }
}
