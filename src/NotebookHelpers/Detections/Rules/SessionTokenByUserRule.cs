using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>An IAM user's long-term key turned into session credentials with GetSessionToken.</summary>
public sealed class SessionTokenByUserRule() : QueryRule(
    id: "sts-session-token-from-user-key",
    title: "Session token obtained with a long-term key",
    severity: Severity.Low,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1550.001", "Use Alternate Authentication Material: Application Access Token"),
    filter: "eventSource = \"sts.amazonaws.com\" and eventName = \"GetSessionToken\" and userIdentity.type = \"IAMUser\" and " + RuleQuery.Succeeded,
    fields: ["responseElements.credentials.accessKeyId"],
    explanation: "GetSessionToken gives an IAM user temporary credentials. With a leaked key, attackers use it to get credentials that survive the key's deactivation for up to 36 hours and that appear under a different (ASIA) key id in the logs.",
    recommendedAction: "Follow the ASIA key in responseElements.credentials.accessKeyId; when the user is compromised, deny its sessions issued before now (aws:TokenIssueTime).",
    falsePositives: "Users who obtain MFA-backed sessions through GetSessionToken as a matter of routine (the request then carries serialNumber).")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var mfa = CloudTrailFacts.Request(ev, "serialNumber") is not null;
        return new RuleMatch(ev, $"session token {CloudTrailFacts.KeyText(CloudTrailFacts.Response(ev, "credentials.accessKeyId"))} issued{(mfa ? " with MFA" : " without MFA")}",
            mfa ? Severity.Info : null);
    }
}
