using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// One rule's pass over a time-ordered event stream. State is bounded: stateful evaluators keep sliding windows
/// or per-principal summaries, never the events themselves beyond a window.
/// </summary>
public interface IRuleEvaluator
{
    /// <summary>Looks at the next event (events arrive in time order) and reports matches.</summary>
    void Observe(CloudTrailEvent ev, Action<RuleMatch> report);

    /// <summary>Called once after the last event, for rules that report at the end.</summary>
    void Complete(Action<RuleMatch> report);
}
