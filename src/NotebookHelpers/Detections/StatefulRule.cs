namespace NotebookHelpers.Detections;

/// <summary>A rule that needs history (bursts, first-seen, after-containment); its evaluator keeps bounded state.</summary>
public abstract class StatefulRule : DetectionRule
{
    /// <summary>
    /// Sets the rule's description; <paramref name="filter"/>, when given, is the Logs Insights filter expression that
    /// selects the events the rule's history is built from (its <see cref="DetectionRule.Filter"/>).
    /// </summary>
    protected StatefulRule(
        string id,
        string title,
        Severity severity,
        AttackTechnique attack,
        string insightsQuery,
        string explanation,
        string recommendedAction,
        string falsePositives,
        string? filter = null)
        : base(id, title, severity, attack, insightsQuery, explanation, recommendedAction, falsePositives)
    {
        Filter = filter;
    }

    /// <inheritdoc />
    public override bool IsStateful => true;
}
