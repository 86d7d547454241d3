using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>A rule that decides on each event alone (no state); most of the catalogue.</summary>
public abstract class EventRule : DetectionRule
{
    /// <inheritdoc />
    protected EventRule(
        string id,
        string title,
        Severity severity,
        AttackTechnique attack,
        string insightsQuery,
        string explanation,
        string recommendedAction,
        string falsePositives)
        : base(id, title, severity, attack, insightsQuery, explanation, recommendedAction, falsePositives)
    {
    }

    /// <summary>The match for <paramref name="ev"/>, or null when the rule does not apply.</summary>
    public abstract RuleMatch? Match(CloudTrailEvent ev);

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options) => new Evaluator(this);

    private sealed class Evaluator(EventRule rule) : IRuleEvaluator
    {
        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (rule.Match(ev) is { } match)
            {
                report(match);
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
