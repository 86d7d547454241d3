using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// Failed console sign-ins of IAM users: each one is Info (context); many different users failing from one address within an
/// hour is password spraying (high). Root's failures have their own rule.
/// </summary>
public sealed class ConsoleLoginFailedRule() : StatefulRule(
    id: "console-login-failed",
    title: "Failed console sign-ins of IAM users (password spraying)",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.CredentialAccess, "T1110.003", "Brute Force: Password Spraying"),
    insightsQuery: "fields @timestamp, userIdentity.userName, sourceIPAddress, errorMessage\n| filter eventName = \"ConsoleLogin\" and responseElements.ConsoleLogin = \"Failure\" and userIdentity.type = \"IAMUser\"\n| stats count(*) as failures, count_distinct(userIdentity.userName) as users by sourceIPAddress, bin(1h)\n| sort users desc",
    explanation: "A console sign-in of an IAM user failed (wrong password, or a user name that does not exist: CloudTrail then hides the name). One failure is usually a typo and is Info, kept as context. Failures for five or more different user names from one address within an hour are password spraying: someone trying a few common or leaked passwords against many users, slowly enough to avoid lock-outs. The account id or alias in the sign-in URL is all a sprayer needs besides the names.",
    recommendedAction: "Block the address where you can, check for a successful sign-in from it (same address, ConsoleLogin Success) and reset those users' passwords; enforce MFA for every console user.",
    falsePositives: "Users mistyping their own password (one user, a few failures); a shared office address where several people mistype on the same morning.")
{
    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator(DetectionOptions options) : IRuleEvaluator
    {
        private readonly BurstTracker _tracker = new(options.PasswordSprayWindow, options.PasswordSprayUsers, UserName);

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (ev.EventName != "ConsoleLogin" || ev.GetString("responseElements.ConsoleLogin") != "Failure" || ev.UserIdentity?.Type != "IAMUser")
            {
                return;
            }

            var user = UserName(ev);
            var source = ev.SourceIPAddress ?? "";
            if (_tracker.Add(source, ev, w => $"password spraying: {Users(w)} different users failed console sign-in from {source} within {options.PasswordSprayWindow.TotalMinutes:0} min") is { } spray)
            {
                report(spray);
                return;
            }

            var why = ev.ErrorMessage is { Length: > 0 } message ? $" ({message})" : "";
            report(new RuleMatch(ev, $"failed console sign-in of user '{user}' from {source}{why}", Severity.Info));
        }

        public void Complete(Action<RuleMatch> report)
        {
        }

        private static string UserName(CloudTrailEvent ev) => ev.UserIdentity?.UserName ?? ev.GetString("additionalEventData.UserName") ?? "(hidden)";

        private static int Users(IReadOnlyCollection<CloudTrailEvent> window) => window.Select(UserName).Distinct(StringComparer.Ordinal).Count();
    }
}
