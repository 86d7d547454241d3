using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// Runs rules over events in one pass. Events are put in <see cref="EventTimeOrder"/> first, so stateful rules see
/// time order and the output is the same whatever order the source delivered.
/// </summary>
public static class DetectionRunner
{
    /// <summary>Runs <paramref name="rules"/> (the whole <see cref="DetectionCatalog"/> when null) over <paramref name="events"/>.</summary>
    public static DetectionResult Run(IEnumerable<CloudTrailEvent> events, DetectionOptions? options = null, IEnumerable<DetectionRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= DetectionOptions.Default;
        var ruleList = (rules ?? DetectionCatalog.All).ToList();
        var session = new DetectionSession(ruleList, options);
        var ordered = EventTimeOrder.Sort(events);
        foreach (var ev in ordered)
        {
            session.Observe(ev);
        }

        return session.Complete();
    }
}
