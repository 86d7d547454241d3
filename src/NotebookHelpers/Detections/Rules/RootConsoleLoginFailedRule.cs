using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A failed console sign-in as root: someone is trying the root password.</summary>
public sealed class RootConsoleLoginFailedRule() : QueryRule(
    id: "root-console-login-failed",
    title: "Failed root console sign-in",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1110", "Brute Force"),
    filter: "eventName = \"ConsoleLogin\" and userIdentity.type = \"Root\" and responseElements.ConsoleLogin = \"Failure\"",
    fields: ["errorMessage", "userAgent"],
    explanation: "A console sign-in as root failed. After a credential leak this is someone testing a root password found with the keys.",
    recommendedAction: "Make sure root has a strong unique password and MFA; check the source IP against the other activity in this incident.",
    falsePositives: "The owner mistyping the root password.")
{
    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"failed root console sign-in from {ev.SourceIPAddress}");
    }
}
