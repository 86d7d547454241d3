using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A successful console sign-in as the account's root user.</summary>
public sealed class RootConsoleLoginRule() : QueryRule(
    id: "root-console-login",
    title: "Root user signed in to the console",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.PrivilegeEscalation, "T1078.004", "Valid Accounts: Cloud Accounts"),
    filter: "eventName = \"ConsoleLogin\" and userIdentity.type = \"Root\" and responseElements.ConsoleLogin = \"Success\"",
    fields: ["additionalEventData.MFAUsed", "userAgent"],
    explanation: "Root can do everything, including closing the account, and its actions cannot be limited by IAM policies. It should almost never sign in; a root sign-in during an incident means the root password (or a reset link sent to its email) is in someone's hands.",
    recommendedAction: "Confirm with the account owner; if not them, change the root password, check the root email account, replace root MFA and review everything root did.",
    falsePositives: "The few tasks that need root (billing settings, closing the account, some support plans).")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    protected override RuleMatch Describe(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return new RuleMatch(ev, $"root signed in to the console from {ev.SourceIPAddress} (MFA: {ev.GetString("additionalEventData.MFAUsed") ?? "unknown"})");
    }
}
