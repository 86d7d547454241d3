namespace NotebookHelpers.Detections;

/// <summary>
/// The baseline of normal use that the stateful rules compare with: the first <see cref="DetectionOptions.BaselinePeriod"/>
/// of the evidence, from its first event. One exception: a first event that is alone (no other event within the
/// period after it) does not start the baseline, the next event does. A stray event years before the incident (a key
/// used once in 2019, a record with a wrong clock) would otherwise be the whole baseline, and everything after it
/// would be "new". Events must be observed in time order (<see cref="EventTimeOrder"/>).
/// </summary>
/// <param name="period">How long the baseline lasts.</param>
/// <param name="restarted">Called when a lone first event is set aside and the baseline starts again, so a rule can
/// forget what it learned from that event.</param>
public sealed class BaselineWindow(TimeSpan period, Action? restarted = null)
{
    private int _events;

    /// <summary>When the baseline ends (exclusive); null before the first event.</summary>
    public DateTimeOffset? End { get; private set; }

    /// <summary>
    /// Takes the next event's time into account and says whether that event falls in the baseline.
    /// </summary>
    public bool Observe(DateTimeOffset time)
    {
        if (End is { } end)
        {
            if (time < end)
            {
                _events++;
                return true;
            }

            if (_events > 1)
            {
                return false;
            }

            // The only event of the baseline had nothing within the period after it: a lone outlier.
            restarted?.Invoke();
        }

        End = time + period;
        _events = 1;
        return true;
    }
}
