using NotebookHelpers.Events;

namespace NotebookHelpers.Detections.Rules;

/// <summary>A principal assuming a role in another account for the first time: lateral movement.</summary>
public sealed class CrossAccountAssumeRoleRule() : StatefulRule(
    id: "sts-cross-account-assume-role",
    title: "New cross-account role assumption",
    severity: Severity.Medium,
    attack: new AttackTechnique(new AttackTactic("TA0008", "Lateral Movement"), "T1550.001", "Use Alternate Authentication Material: Application Access Token"),
    insightsQuery: RuleQuery.Select("eventSource = \"sts.amazonaws.com\" and eventName = \"AssumeRole\" and not ispresent(errorCode)", "requestParameters.roleArn", "recipientAccountId", "sharedEventID"),
    explanation: "AssumeRole into a role of another account moves the caller there with that role's rights. Services and jobs do this on a schedule; a principal doing it for the first time (after the baseline period, for a role it never assumed) is what an attacker who read the account's roles does next. The accounts are compared in code.",
    recommendedAction: "Follow the session (responseElements.credentials.accessKeyId) in the other account's logs; if the caller is compromised, revoke the role's sessions there and review its trust policy.",
    falsePositives: "A new job or engineer starting to use a cross-account role.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Evaluator(options);
    }

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly HashSet<(string Caller, string Role)> _known = [];
        private readonly BaselineWindow _baseline;

        public Evaluator(DetectionOptions options)
        {
            // A lone early role assumption is no baseline: the assumptions of the period that follows are.
            _baseline = new BaselineWindow(options.BaselinePeriod, _known.Clear);
        }

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            var inBaseline = _baseline.Observe(ev.EventTime);
            if (ev.EventName != "AssumeRole" || ev.EventSource != "sts.amazonaws.com" || !CloudTrailFacts.Succeeded(ev) || CloudTrailFacts.IsMadeByAws(ev) ||
                CloudTrailFacts.Request(ev, "roleArn") is not { } roleArn || ev.UserIdentity is not { } caller)
            {
                return;
            }

            var target = CloudTrailFacts.AccountOf(roleArn);
            var own = caller.AccountId ?? CloudTrailFacts.AccountOf(caller.Arn);
            var who = caller.Arn ?? caller.PrincipalId ?? "";
            if (target is null || own is null || target == own || !_known.Add((who, roleArn)))
            {
                return;
            }

            report(new RuleMatch(ev, $"assumed role {CloudTrailFacts.LastSegment(roleArn)} in account {target} from account {own}{(inBaseline ? " (seen during the baseline period)" : " for the first time")}",
                inBaseline ? Severity.Info : null));
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
