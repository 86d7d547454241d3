using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Calls that fail with AccessDenied after the key or principal was contained: the attacker is still trying.</summary>
public sealed class AccessDeniedAfterContainmentRule() : StatefulRule(
    id: "access-denied-after-containment",
    title: "Access denied after containment",
    severity: Severity.High,
    attack: new AttackTechnique(AttackTactic.InitialAccess, "T1078.004", "Valid Accounts: Cloud Accounts"),
    insightsQuery: RuleQuery.Select("userIdentity.accessKeyId = \"AKIA…contained key…\" and errorCode like /Unauthorized|Denied|Forbidden/", "userAgent"),
    explanation: "After the defender deactivated the key, put a deny-all policy on its user or role, or AWS quarantined it, calls by that key or principal kept arriving and were denied. The attacker still holds the credentials and is still active; the source IPs and user agents of these calls identify them.",
    recommendedAction: "Keep the containment in place, make sure every other key, user and role in the blast radius is contained too, and add the source IPs to your indicators.",
    falsePositives: "Legitimate automation that still uses the contained key (it will keep failing the same call on a schedule).")
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
            if (_tracker.Observe(ev) is not null)
            {
                return;
            }

            if (CloudTrailFacts.IsAccessDenied(ev.ErrorCode) && _tracker.AppliesTo(ev) is { } action && ev.EventTime > action.Time)
            {
                report(new RuleMatch(ev, $"{ev.EventName} denied after containment ({action.Describe()})"));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
