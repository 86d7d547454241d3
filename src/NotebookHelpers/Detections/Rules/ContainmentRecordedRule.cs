using NotebookHelpers.Events;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Detections.Rules;

/// <summary>Marks containment actions (the defender's, or AWS's quarantine) on the timeline.</summary>
public sealed class ContainmentRecordedRule() : StatefulRule(
    id: "containment-action",
    title: "Containment action",
    severity: Severity.Info,
    attack: new AttackTechnique(AttackTactic.DefenseEvasion, "T1078.004", "Valid Accounts: Cloud Accounts"),
    insightsQuery: RuleQuery.Select(
        "eventSource = \"iam.amazonaws.com\" and ((eventName = \"UpdateAccessKey\" and requestParameters.status = \"Inactive\") or eventName in [\"DeleteAccessKey\", \"DeleteLoginProfile\", \"PutUserPolicy\", \"PutRolePolicy\", \"PutGroupPolicy\"]) and not ispresent(errorCode)",
        "requestParameters.accessKeyId", "requestParameters.userName", "requestParameters.roleName", "requestParameters.policyName"),
    explanation: "A key was deactivated or deleted, a deny-all policy or a session revocation was put on a principal, or a console password was removed. These are the defender's moves (or AWS's quarantine); the investigation uses them to split activity into before and after containment.",
    recommendedAction: "Check that the containment covers every key and principal in the blast radius, and watch for calls after it.",
    falsePositives: "Routine key rotation also deactivates and deletes keys.")
{
    /// <inheritdoc />
    public override TimeSpan MergeWindow => TimeSpan.Zero;

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options) => new Evaluator();

    private sealed class Evaluator : IRuleEvaluator
    {
        private readonly ContainmentTracker _tracker = new();

        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (_tracker.Observe(ev) is { } action)
            {
                report(new RuleMatch(ev, action.Describe()));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
