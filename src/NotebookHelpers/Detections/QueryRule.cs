using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// A per-event rule whose condition is a Logs Insights filter expression (<see cref="DetectionRule.Filter"/>), written
/// once: the offline detection path evaluates it with the offline engine, the rule's <see cref="DetectionRule.InsightsQuery"/>
/// is <c>fields … | filter FILTER | sort @timestamp asc</c> for CloudWatch Logs, and the SQL renderer turns it into the
/// Athena query. C# only describes a match (<see cref="Describe"/>: its summary, and a severity that depends on the
/// event); it never decides whether there is one, so the query and the detection cannot disagree.
/// </summary>
public abstract class QueryRule : EventRule
{
    /// <summary>Defines the rule by <paramref name="filter"/>; <paramref name="fields"/> are shown after the common ones.</summary>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    protected QueryRule(
        string id,
        string title,
        Severity severity,
        AttackTechnique attack,
        string filter,
        IReadOnlyList<string> fields,
        string explanation,
        string recommendedAction,
        string falsePositives)
        : base(id, title, severity, attack, RuleQuery.Select(filter, [.. fields]), explanation, recommendedAction, falsePositives)
    {
        Filter = filter;
    }

    /// <summary>The match for an event the filter selected: what to tell the analyst, and its severity when it differs.</summary>
    protected abstract RuleMatch Describe(CloudTrailEvent ev);

    /// <summary>The match for <paramref name="ev"/> when the filter selects it, else null (compiles the filter on first use).</summary>
    public sealed override RuleMatch? Match(CloudTrailEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return FilterAlone()(ev) ? Describe(ev) : null;
    }

    /// <inheritdoc />
    public override IRuleEvaluator CreateEvaluator(DetectionOptions options) => new Evaluator(this, FilterAlone());

    /// <inheritdoc />
    protected internal override IRuleEvaluator CreateEvaluator(DetectionOptions options, Func<CloudTrailEvent, bool> filter) => new Evaluator(this, filter);

    private sealed class Evaluator(QueryRule rule, Func<CloudTrailEvent, bool> filter) : IRuleEvaluator
    {
        public void Observe(CloudTrailEvent ev, Action<RuleMatch> report)
        {
            if (filter(ev))
            {
                report(rule.Describe(ev));
            }
        }

        public void Complete(Action<RuleMatch> report)
        {
        }
    }
}
