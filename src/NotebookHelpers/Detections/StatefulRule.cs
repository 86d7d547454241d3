namespace NotebookHelpers.Detections;

/// <summary>A rule that needs history (bursts, first-seen, after-containment); its evaluator keeps bounded state.</summary>
public abstract class StatefulRule : DetectionRule
{
    /// <inheritdoc />
    protected StatefulRule(
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

    /// <inheritdoc />
    public override bool IsStateful => true;
}
