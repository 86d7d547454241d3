using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>TruffleHog (a secret scanner) validated the key with GetCallerIdentity: it was found somewhere public.</summary>
public sealed class TruffleHogValidationRule() : QueryRule(
    id: "recon-secret-scanner-validation",
    title: "Key validated by a secret scanner",
    severity: Severity.Medium,
    attack: new AttackTechnique(AttackTactic.Discovery, "T1087.004", "Account Discovery: Cloud Account"),
    filter: "eventName = \"GetCallerIdentity\" and userAgent like /(?i)trufflehog/",
    fields: ["userAgent"],
    explanation: "TruffleHog scans code and paste sites for secrets and checks each AWS key it finds with GetCallerIdentity. Its user agent on a GetCallerIdentity call means the key was found outside the account by someone running the scanner — possibly an attacker.",
    recommendedAction: "Find where the key was published (repositories, CI logs, pastes), rotate it, and investigate its use since the first exposure.",
    falsePositives: "Your own security team running TruffleHog with verification against your repositories.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"TruffleHog validated key {CloudTrailFacts.KeyText(ev.UserIdentity?.AccessKeyId)} from {ev.SourceIPAddress}");
    }
}
