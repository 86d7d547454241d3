using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A user changed their own console password.</summary>
public sealed class PasswordChangedRule() : QueryRule(
    id: "iam-password-changed",
    title: "Console password changed",
    severity: Severity.Low,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098", "Account Manipulation"),
    filter: "eventSource in [\"iam.amazonaws.com\", \"signin.amazonaws.com\"] and eventName = \"ChangePassword\" and " + RuleQuery.Succeeded,
    fields: ["userIdentity.userName"],
    explanation: "A signed-in user changed their own password. After a password leak, an attacker does this to lock the real owner out.",
    recommendedAction: "Confirm with the user; if they did not change it, reset the password, require MFA and review the session's activity.",
    falsePositives: "Routine password rotation by the user.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"user '{ev.UserIdentity?.DisplayName}' changed their console password");
    }
}
