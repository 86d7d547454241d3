using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>GetPasswordData: the encrypted Windows administrator password of instances.</summary>
public sealed class PasswordDataReadRule() : QueryRule(
    id: "ec2-password-data-read",
    title: "Windows instance password data read",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1552", "Unsecured Credentials"),
    filter: "eventSource = \"ec2.amazonaws.com\" and eventName = \"GetPasswordData\"",
    fields: ["requestParameters.instanceId"],
    explanation: "GetPasswordData returns the encrypted administrator password of a Windows instance; with the key pair it is a remote-desktop login. Many calls in a row, or denied calls, are an attacker sweeping instances.",
    recommendedAction: "List the instances concerned; change their administrator passwords if the calls succeeded and the key pair may be known.",
    falsePositives: "Administrators connecting to their Windows instances from the console.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var instance = CloudTrailFacts.Request(ev, "instanceId");
        return CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"read password data of instance {instance}")
            : new RuleMatch(ev, $"tried to read password data of instance {instance} ({ev.ErrorCode})");
    }
}
