using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Calls that still succeed after the key or principal was contained: the containment has a hole.</summary>
public sealed class CallsAfterContainmentRule() : StatefulRule(
    id: "calls-succeed-after-containment",
    title: "Calls still succeeding after containment",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.InitialAccess, "T1078.004", "Valid Accounts: Cloud Accounts"),
    insightsQuery: RuleQuery.Select("userIdentity.accessKeyId = \"AKIA…contained key…\" and not ispresent(errorCode)", "userAgent"),
    explanation: "After the key was deactivated, a deny-all was put on its user or role, or AWS quarantined it, calls by that key or principal still succeeded. AWS's quarantine policy only denies a few risky actions, and GetCallerIdentity is never denied, so some success is expected after a quarantine alone; anything beyond GetCallerIdentity means the attacker can still act.",
    recommendedAction: "Deactivate the key itself (UpdateAccessKey Inactive) and put a deny-all on the principal; then check again that nothing succeeds.",
    falsePositives: "Calls already in flight at the moment of containment; GetCallerIdentity (reported as Info).")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.FromHours(1);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options) => new Evaluator();

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly ContainmentTracker _tracker = new();

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (_tracker.Observe(ev) is not null || !CloudTrailFacts.Succeeded(ev) || CloudTrailFacts.IsMadeByAws(ev))
            {
                return;
            }

            if (_tracker.AppliesTo(ev) is { } action && ev.EventTime > action.Time)
            {
                report(new RuleMatch(ev, $"{ev.EventName} succeeded after containment ({action.Describe()})",
                    ev.EventName == "GetCallerIdentity" ? Severity.Info : null));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
