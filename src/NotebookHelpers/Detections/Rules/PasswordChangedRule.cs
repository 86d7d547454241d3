using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A user changed their own console password.</summary>
public sealed class PasswordChangedRule() : EventRule(
    id: "iam-password-changed",
    title: "Console password changed",
    severity: Severity.Low,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098", "Account Manipulation"),
    insightsQuery: RuleQuery.Select("eventSource = \"iam.amazonaws.com\" and eventName = \"ChangePassword\" and not ispresent(errorCode)", "userIdentity.userName"),
    explanation: "A signed-in user changed their own password. After a password leak, an attacker does this to lock the real owner out.",
    recommendedAction: "Confirm with the user; if they did not change it, reset the password, require MFA and review the session's activity.",
    falsePositives: "Routine password rotation by the user.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.EventSource is "iam.amazonaws.com" or "signin.amazonaws.com" && ev.EventName == "ChangePassword" && CloudTrailFacts.Succeeded(ev)
            ? new RuleMatch(ev, $"user '{ev.UserIdentity?.DisplayName}' changed their console password")
            : null;
    }
}
