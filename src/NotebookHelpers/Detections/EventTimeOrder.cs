using NotebookHelpers.Events;

namespace NotebookHelpers.Detections;

/// <summary>
/// The one order every investigation result is computed in: event time, then event id, then evidence location.
/// Sources deliver events in different orders (files by name, Logs Insights by ingestion, LookupEvents newest
/// first); sorting by this key makes findings, profiles and graphs identical whatever the source.
/// </summary>
public static class EventTimeOrder
{
    /// <summary>Compares two events by time, event id and location.</summary>
    public static IComparer<CloudTrailEvent> Comparer { get; } = Comparer<CloudTrailEvent>.Create(Compare);

    /// <summary>The events in time order, as a new list; the input is not modified.</summary>
    public static List<CloudTrailEvent> Sort(IEnumerable<CloudTrailEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        if (!IsSorted(list))
        {
            list.Sort(Comparer);
        }

        return list;
    }

    private static bool IsSorted(List<CloudTrailEvent> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1], list[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(CloudTrailEvent? a, CloudTrailEvent? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null)
        {
            return -1;
        }

        if (b is null)
        {
            return 1;
        }

        var c = a.EventTime.CompareTo(b.EventTime);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.EventID, b.EventID);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Location.Entry, b.Location.Entry);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(a.Location.Line, b.Location.Line);
        return c != 0 ? c : Nullable.Compare(a.Location.ByteOffset, b.Location.ByteOffset);
    }
}
