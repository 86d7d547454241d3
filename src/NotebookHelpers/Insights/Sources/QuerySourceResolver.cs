namespace NotebookHelpers.Insights.Sources;

/// <summary>
/// Turns the source strings a user gives (<c>--logs PATH</c>, <c>--logs cwl:GROUP</c>) into one
/// <see cref="IInsightsQueryRunner"/>. Kinds are asked in order, so a specific kind (<c>cwl:</c>) goes before the
/// catch-all local kind. All sources of one query must be of one kind.
/// <code>
/// var resolver = QuerySourceResolver.Default.With(new CloudWatchLogsSourceKind(...));   // one line per new kind
/// </code>
/// </summary>
public sealed class QuerySourceResolver
{
    private readonly IReadOnlyList<IQuerySourceKind> _kinds;

    /// <summary>Creates a resolver over <paramref name="kinds"/>, asked in order.</summary>
    public QuerySourceResolver(IEnumerable<IQuerySourceKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = [.. kinds];
    }

    /// <summary>Local evidence only.</summary>
    public static QuerySourceResolver Default { get; } = new([new LocalEvidenceSourceKind()]);

    /// <summary>The kinds, in the order they are asked.</summary>
    public IReadOnlyList<IQuerySourceKind> Kinds => _kinds;

    /// <summary>A resolver that asks <paramref name="kind"/> before the existing kinds.</summary>
    public QuerySourceResolver With(IQuerySourceKind kind) => new([kind, .. _kinds]);

    /// <summary>The runner for <paramref name="sources"/>.</summary>
    /// <exception cref="ArgumentException">No sources, a source no kind accepts, sources of different kinds, or an unusable source.</exception>
    public IInsightsQueryRunner Resolve(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("give at least one source (a path, or cwl:LOG_GROUP).", nameof(sources));
        }

        var byKind = sources
            .GroupBy(s => _kinds.FirstOrDefault(k => k.Accepts(s)) ?? throw new ArgumentException($"'{s}' is not a source this tool knows.", nameof(sources)))
            .ToList();
        if (byKind.Count > 1)
        {
            throw new ArgumentException(
                $"one query runs over one kind of source; these mix {string.Join(" and ", byKind.Select(g => g.Key.Name))}.", nameof(sources));
        }

        return byKind[0].Key.CreateRunner([.. byKind[0]]);
    }
}
