using System.Collections.Concurrent;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Detections;

/// <summary>
/// The <see cref="DetectionRule.Filter"/>s of a list of rules compiled into one <see cref="InsightsFilterSet"/>, so a
/// detection pass decodes each event's fields once for every rule. Compiled sets are kept per list of expressions
/// (the catalogue's is compiled once per process; a pass over one event alone, as the Panther tests do, reuses it).
/// </summary>
internal static class RuleFilters
{
    private const int MaxCachedSets = 32;
    private static readonly ConcurrentDictionary<string, InsightsFilterSet> Cache = new(StringComparer.Ordinal);

    /// <summary>The set for <paramref name="rules"/>' filters and, per rule, its index in the set (-1 without a filter).</summary>
    public static (InsightsFilterSet Set, int[] Index) For(IReadOnlyList<DetectionRule> rules)
    {
        var index = new int[rules.Count];
        var expressions = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            index[i] = rules[i].Filter is null ? -1 : expressions.Count;
            if (rules[i].Filter is { } f)
            {
                expressions.Add(f);
            }
        }

        var key = string.Join('\u0001', expressions);
        if (!Cache.TryGetValue(key, out var set))
        {
            set = InsightsFilterSet.Compile(expressions);
            if (Cache.Count >= MaxCachedSets)
            {
                Cache.Clear();
            }

            Cache.TryAdd(key, set);
        }

        return (set, index);
    }
}
