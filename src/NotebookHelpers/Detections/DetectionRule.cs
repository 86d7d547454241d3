using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// One named detection: what it looks for, how bad it is, where it sits in ATT&amp;CK, the Logs Insights query an
/// analyst can run on the live service for the same thing, and what to tell a trainee about it. Rules are
/// immutable; <see cref="CreateEvaluator(DetectionOptions)"/> gives a fresh evaluator (with its own state) for each run.
/// </summary>
public abstract class DetectionRule
{
    /// <summary>Sets the rule's description. Every text must be non-empty.</summary>
    protected DetectionRule(
        string id,
        string title,
        Severity severity,
        AttackTechnique attack,
        string insightsQuery,
        string explanation,
        string recommendedAction,
        string falsePositives)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(attack);
        ArgumentException.ThrowIfNullOrWhiteSpace(insightsQuery);
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        ArgumentException.ThrowIfNullOrWhiteSpace(recommendedAction);
        ArgumentException.ThrowIfNullOrWhiteSpace(falsePositives);
        Id = id;
        Title = title;
        Severity = severity;
        Attack = attack;
        InsightsQuery = insightsQuery;
        Explanation = explanation;
        RecommendedAction = recommendedAction;
        FalsePositives = falsePositives;
    }

    /// <summary>Stable kebab-case id, e.g. <c>cloudtrail-logging-stopped</c>; findings and JSON output use it.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The default severity of its findings (a match may raise or lower it, e.g. a deny-only policy).</summary>
    public Severity Severity { get; }

    /// <summary>MITRE ATT&amp;CK tactic and technique.</summary>
    public AttackTechnique Attack { get; }

    /// <summary>
    /// The CloudWatch Logs Insights query that finds the same events on the live service (for stateful rules, the
    /// closest aggregation). Where the rule compares fields in code (e.g. the caller and the target user of
    /// CreateAccessKey), the query selects the candidates and projects the fields to compare.
    /// </summary>
    public string InsightsQuery { get; }

    /// <summary>
    /// The Logs Insights filter expression that decides which events the rule looks at, when the rule has one: for a
    /// <see cref="QueryRule"/> it is the whole condition; for a stateful rule, the per-event part its history starts from.
    /// The offline detection path evaluates this compiled expression (<see cref="NotebookHelpers.Insights.InsightsFilterSet"/>),
    /// <see cref="InsightsQuery"/> shows it to run on CloudWatch Logs, and the SQL renderer sends it to Athena: one
    /// definition. Null when C# decides alone.
    /// </summary>
    public string? Filter { get; protected init; }

    /// <summary>What the rule catches and why it matters, in plain language.</summary>
    public string Explanation { get; }

    /// <summary>What to do when it fires.</summary>
    public string RecommendedAction { get; }

    /// <summary>Known legitimate activity that also matches.</summary>
    public string FalsePositives { get; }

    /// <summary>
    /// True when the rule keeps state across events (bursts, first-seen, after-containment), so it needs the events
    /// in time order; the runner always supplies them so.
    /// </summary>
    public virtual bool IsStateful => false;

    /// <summary>
    /// How close in time two matches of this rule by the same principal and key must be to merge into one finding;
    /// <see cref="TimeSpan.Zero"/> keeps every match apart.
    /// </summary>
    public virtual TimeSpan MergeWindow => TimeSpan.FromMinutes(15);

    /// <summary>
    /// <see cref="Filter"/> compiled on its own, for an evaluator created outside a <see cref="DetectionSession"/>
    /// (which compiles every rule's filter together). The compiled expression is kept; each call gets its own reader.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rule has no filter.</exception>
    protected Func<CloudTrailEvent, bool> FilterAlone()
    {
        var set = _alone ??= NotebookHelpers.Insights.InsightsFilterSet.Compile([Filter ?? throw new InvalidOperationException($"the rule '{Id}' has no filter.")]);
        var reader = set.CreateReader();
        return ev => reader.Matches(0, ev);
    }

    private NotebookHelpers.Insights.InsightsFilterSet? _alone;

    /// <summary>A new evaluator with empty state, for one pass over time-ordered events.</summary>
    public abstract IRuleEvaluator CreateEvaluator(DetectionOptions options);

    /// <summary>
    /// As <see cref="CreateEvaluator(DetectionOptions)"/>, for a rule with a <see cref="Filter"/>: <paramref name="filter"/>
    /// is that expression compiled once for the whole pass, sharing each event's decoded fields with the other rules'
    /// filters (<see cref="DetectionSession"/> supplies it). The default ignores it.
    /// </summary>
    protected internal virtual IRuleEvaluator CreateEvaluator(DetectionOptions options, Func<CloudTrailEvent, bool> filter) => CreateEvaluator(options);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Severity}): {Title}";
}
