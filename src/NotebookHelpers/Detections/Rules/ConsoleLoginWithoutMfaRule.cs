using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A successful console sign-in with a password only, by an IAM user or root.</summary>
public sealed class ConsoleLoginWithoutMfaRule() : EventRule(
    id: "console-login-without-mfa",
    title: "Console login without MFA",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.InitialAccess, "T1078.004", "Valid Accounts: Cloud Accounts"),
    insightsQuery: RuleQuery.Select(
        "eventName = \"ConsoleLogin\" and responseElements.ConsoleLogin = \"Success\" and additionalEventData.MFAUsed != \"Yes\" and userIdentity.type in [\"IAMUser\", \"Root\"] and not ispresent(additionalEventData.SamlProviderArn)",
        "userIdentity.userName", "additionalEventData.MFAUsed", "userAgent"),
    explanation: "Someone signed in to the console as an IAM user or root with only a password. A leaked or guessed password is enough for that. Sign-ins through SAML or IAM Identity Center (role sessions) are left out: MFA is enforced by the identity provider there, not recorded here.",
    recommendedAction: "Confirm with the user; if not them, reset the password, delete unknown MFA devices, enforce MFA, and review the session's activity (same user, console user agent, after this time).",
    falsePositives: "Users without MFA configured (itself a finding for the security review); a brand-new user's first sign-in before enrolling MFA.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventName != "ConsoleLogin" || ev.GetString("responseElements.ConsoleLogin") != "Success" ||
            ev.UserIdentity?.Type is not ("IAMUser" or "Root") ||
            string.Equals(ev.GetString("additionalEventData.MFAUsed"), "Yes", StringComparison.OrdinalIgnoreCase) ||
            ev.GetString("additionalEventData.SamlProviderArn") is not null)
        {
            return null;
        }

        var who = ev.UserIdentity.Type == "Root" ? "root" : $"user '{ev.UserIdentity.UserName}'";
        return new RuleMatch(ev, $"{who} signed in to the console without MFA from {ev.SourceIPAddress}");
    }
}
