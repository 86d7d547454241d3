using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// Sliding-window burst detection per principal, with bounded state: each principal keeps only the events of the
/// current window. When the window satisfies the rule's condition the whole window is reported at once; while the
/// burst goes on (no gap longer than the window), each further event is reported on its own and merges into the
/// same finding.
/// </summary>
internal sealed class BurstTracker
{
    private readonly TimeSpan _window;
    private readonly Func<IReadOnlyCollection<CloudTrailEvent>, bool> _isBurst;
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    public BurstTracker(TimeSpan window, Func<IReadOnlyCollection<CloudTrailEvent>, bool> isBurst)
    {
        _window = window;
        _isBurst = isBurst;
    }

    /// <summary>Adds an event of <paramref name="principal"/>; returns the match to report, if any.</summary>
    public RuleMatch? Add(string principal, CloudTrailEvent ev, Func<IReadOnlyCollection<CloudTrailEvent>, string> summary)
    {
        if (!_states.TryGetValue(principal, out var state))
        {
            _states[principal] = state = new State();
        }

        if (state.ActiveSince is not null && ev.EventTime - state.LastActive <= _window)
        {
            state.LastActive = ev.EventTime;
            return new RuleMatch(ev, state.Summary!);
        }

        state.ActiveSince = null;
        while (state.Window.Count > 0 && ev.EventTime - state.Window.Peek().EventTime > _window)
        {
            state.Window.Dequeue();
        }

        state.Window.Enqueue(ev);
        if (!_isBurst(state.Window))
        {
            return null;
        }

        var related = state.Window.ToArray();
        state.Summary = summary(related);
        state.Window.Clear();
        state.ActiveSince = ev.EventTime;
        state.LastActive = ev.EventTime;
        return new RuleMatch(ev, state.Summary, Related: related);
    }

    /// <summary>The key that groups an event's calls: its access key, else its principal ARN or name.</summary>
    public static string? PrincipalKey(CloudTrailEvent ev) =>
        ev.UserIdentity?.AccessKeyId ?? ev.UserIdentity?.Arn ?? ev.UserIdentity?.PrincipalId;

    private sealed class State
    {
        public Queue<CloudTrailEvent> Window { get; } = new();

        public DateTimeOffset? ActiveSince { get; set; }

        public DateTimeOffset LastActive { get; set; }

        public string? Summary { get; set; }
    }
}
