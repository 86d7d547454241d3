using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A console password set for another user: console access that survives the key's deactivation.</summary>
public sealed class LoginProfileForOtherUserRule() : EventRule(
    id: "iam-login-profile-for-other-user",
    title: "Console password created or reset for another user",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.Persistence, "T1098", "Account Manipulation"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and eventName in [\"CreateLoginProfile\", \"UpdateLoginProfile\"] and not ispresent(errorCode)",
        "userIdentity.userName", "requestParameters.userName", "requestParameters.passwordResetRequired"),
    explanation: "CreateLoginProfile gives a user a console password; UpdateLoginProfile resets it. Done by someone other than that user, it lets the attacker sign in to the console as them. A reset that forces a password change at next sign-in is the normal helpdesk pattern and is not reported for UpdateLoginProfile; a new password is always reported (the attacker can pick a new one at first sign-in).",
    recommendedAction: "Delete the login profile (DeleteLoginProfile) unless its owner confirms it, and look for ConsoleLogin events by that user after this time.",
    falsePositives: "Administrators creating console access for new staff or resetting forgotten passwords.")
{
    /// <inheritdoc />
    public override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.EventSource != "iam.amazonaws.com" || ev.EventName is not ("CreateLoginProfile" or "UpdateLoginProfile") || !CloudTrailFacts.Succeeded(ev))
        {
            return null;
        }

        var target = CloudTrailFacts.Request(ev, "userName");
        if (target is null || string.Equals(target, CloudTrailFacts.CallerName(ev.UserIdentity), StringComparison.Ordinal))
        {
            return null;
        }

        var resetRequired = CloudTrailFacts.IsTrue(ev, "requestParameters.passwordResetRequired");
        if (ev.EventName == "UpdateLoginProfile")
        {
            return resetRequired ? null : new RuleMatch(ev, $"reset the console password of user '{target}'");
        }

        return resetRequired
            ? new RuleMatch(ev, $"created a console password for user '{target}' (change required at first sign-in)", Severity.Medium)
            : new RuleMatch(ev, $"created a console password for user '{target}'");
    }
}
