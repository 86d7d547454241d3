using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>
/// A successful console sign-in with a password only, by an IAM user or root. Root is always high; an IAM user is
/// high when the evidence gives a reason (the user or its password was made by someone else in this evidence, or it
/// signs in from a network it never used before, after the baseline), and Info otherwise, with the baseline it was
/// compared with: a user without MFA signing in as usual is a posture problem, not an incident.
/// </summary>
public sealed class ConsoleLoginWithoutMfaRule() : StatefulRule(
    id: "console-login-without-mfa",
    title: "Console login without MFA",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.InitialAccess, "T1078.004", "Valid Accounts: Cloud Accounts"),
    insightsQuery: RuleQuery.Select(
        "eventName = \"ConsoleLogin\" and responseElements.ConsoleLogin = \"Success\" and additionalEventData.MFAUsed != \"Yes\" and userIdentity.type in [\"IAMUser\", \"Root\"] and not ispresent(additionalEventData.SamlProviderArn)",
        "userIdentity.userName", "additionalEventData.MFAUsed", "userAgent"),
    explanation: "Someone signed in to the console as an IAM user or root with only a password. A leaked or guessed password is enough for that. Root is always high. An IAM user is high when the evidence says why: the user, or its console password, was created by someone else in this evidence (an attacker's backdoor user), or the user signs in from a network (/24 or /48) it did not use before, after the baseline period. Otherwise (the user's usual network, or no earlier sign-in to compare with during the baseline) it is Info and says what it was compared with. A record that does not say whether MFA was used is Info. Sign-ins through SAML or IAM Identity Center (role sessions) are left out: MFA is enforced by the identity provider there, not recorded here.",
    recommendedAction: "Confirm with the user; if not them, reset the password, delete unknown MFA devices, enforce MFA, and review the session's activity (same user, console user agent, after this time).",
    falsePositives: "Users without MFA configured (itself a finding for the security review); a brand-new user's first sign-in before enrolling MFA (high when someone else in the evidence created the user: confirm the creator).")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly Dictionary<string, string> _setUpBy = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _networks = new(StringComparer.Ordinal);
        private readonly DetectionOptions _options;
        private readonly BaselineWindow _baseline;

        public Evaluator(DetectionOptions options)
        {
            _options = options;

            // A lone early sign-in's network is no baseline: the networks of the period that follows are.
            _baseline = new BaselineWindow(options.BaselinePeriod, _networks.Clear);
        }

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            var inBaseline = _baseline.Observe(ev.EventTime);
            if (ev.EventSource == "iam.amazonaws.com" && ev.EventName is "CreateUser" or "CreateLoginProfile" or "UpdateLoginProfile" &&
                CloudTrailFacts.Succeeded(ev) && CloudTrailFacts.Request(ev, "userName") is { } target &&
                !string.Equals(CloudTrailFacts.CallerName(ev.UserIdentity), target, StringComparison.Ordinal))
            {
                _setUpBy[target] = $"{ev.EventName} by {ev.UserIdentity?.DisplayName ?? "an unknown principal"} at {Events.UtcTime.Text(ev.EventTime)}";
                return;
            }

            if (ev.EventName != "ConsoleLogin" || ev.GetString("responseElements.ConsoleLogin") != "Success" ||
                ev.UserIdentity?.Type is not ("IAMUser" or "Root") ||
                string.Equals(ev.GetString("additionalEventData.MFAUsed"), "Yes", StringComparison.OrdinalIgnoreCase) ||
                ev.GetString("additionalEventData.SamlProviderArn") is not null)
            {
                return;
            }

            var from = string.IsNullOrEmpty(ev.SourceIPAddress) ? "" : $" from {ev.SourceIPAddress}";
            if (ev.UserIdentity.Type == "Root")
            {
                report(new RuleMatch(ev, $"root signed in to the console without MFA{from}"));
                return;
            }

            var user = ev.UserIdentity.UserName ?? CloudTrailFacts.CallerName(ev.UserIdentity) ?? "(unknown)";
            var who = $"user '{user}' signed in to the console without MFA{from}";
            if (ev.GetString("additionalEventData.MFAUsed") is null)
            {
                report(new RuleMatch(ev, $"{who}; the record does not say whether MFA was used", Severity.Info));
                return;
            }

            if (_setUpBy.TryGetValue(user, out var setUp))
            {
                report(new RuleMatch(ev, $"{who}; the user's access was set up by someone else in this evidence ({setUp})"));
                return;
            }

            if (!_networks.TryGetValue(user, out var known))
            {
                _networks[user] = known = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            }

            var network = CloudTrailFacts.NetworkOf(ev.SourceIPAddress) ?? ev.SourceIPAddress ?? "";
            if (known.TryGetValue(network, out var since))
            {
                report(new RuleMatch(ev, $"{who} (baseline: the user signed in from {network} since {Events.UtcTime.Text(since)})", Severity.Info));
                return;
            }

            known[network] = ev.EventTime;
            if (inBaseline)
            {
                report(new RuleMatch(ev, $"{who} (baseline: no earlier sign-in of this user in the evidence's first {_options.BaselinePeriod.TotalDays:0.#} days to compare with)", Severity.Info));
                return;
            }

            var earlier = known.Count > 1 ? string.Join(", ", known.Keys.Where(k => k != network).Order(StringComparer.Ordinal)) : "none";
            report(new RuleMatch(ev, $"{who}, a network the user never signed in from (baseline: {earlier})"));
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
