using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>SSM Parameter Store values read with decryption.</summary>
public sealed class SecureParameterReadRule() : QueryRule(
    id: "ssm-secure-parameters-read",
    title: "Encrypted SSM parameters read",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1555.006", "Credentials from Password Stores: Cloud Secrets Management Stores"),
    filter: "eventSource = \"ssm.amazonaws.com\" and eventName in [\"GetParameter\", \"GetParameters\", \"GetParametersByPath\"] and (requestParameters.withDecryption = \"true\" or tolower(requestParameters.withDecryption) = \"true\") and not ispresent(userIdentity.invokedBy)",
    fields: ["requestParameters.name", "requestParameters.names.0", "requestParameters.path"],
    explanation: "SecureString parameters hold passwords and keys; reading them with withDecryption returns them in clear text. Attackers sweep Parameter Store for more credentials.",
    recommendedAction: "List the parameters read and rotate the credentials they hold.",
    falsePositives: "Applications and deployment pipelines loading their configuration.")
{
    private static string? Names(CloudTrailEvent ev)
    {
        if (ev.GetField("requestParameters.names") is not { ValueKind: System.Text.Json.JsonValueKind.Array } names)
        {
            return null;
        }

        var list = names.EnumerateArray().Select(n => n.GetString()).ToList();
        return list.Count <= 2 ? string.Join(", ", list) : $"{list[0]}, {list[1]} and {list.Count - 2} more";
    }

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var what = CloudTrailFacts.Request(ev, "name") ?? CloudTrailFacts.Request(ev, "path") ?? Names(ev);
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"read decrypted parameter(s) {what}")
            : new RuleMatch(ev, $"tried to read decrypted parameter(s) {what} ({ev.ErrorCode})");
    }
}
