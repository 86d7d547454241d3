using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sources;

namespace NotebookHelpers.Sources;

/// <summary>
/// The recorded sample incident as a query source, named as the notebooks name it: <c>sample</c> (its trail files) or
/// <c>sample:event-history</c> / <c>sample:cloudwatch-logs</c> (its other copies), so <c>nbh query --logs sample</c>
/// runs wherever the repository is.
/// </summary>
public sealed class SampleIncidentSourceKind : IQuerySourceKind
{
    private readonly EvidenceReaderOptions? _options;
    private readonly string? _repositoryRoot;

    /// <summary>Creates the kind; <paramref name="repositoryRoot"/> defaults to the folders above the current and program folders.</summary>
    public SampleIncidentSourceKind(EvidenceReaderOptions? options = null, string? repositoryRoot = null)
    {
        _options = options;
        _repositoryRoot = repositoryRoot;
    }

    /// <inheritdoc />
    public string Name => "the sample incident";

    /// <inheritdoc />
    public bool Accepts(string source)
    {
        return SampleIncidentLocator.TryParseSourceName(source, out _);
    }

    /// <inheritdoc />
    public IInsightsQueryRunner CreateRunner(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var paths = sources
            .Select(s => SampleIncidentLocator.TryParseSourceName(s, out var copy)
                ? SampleIncidentLocator.Find(copy, _repositoryRoot)
                : throw new ArgumentException($"'{s}' does not name the sample incident.", nameof(sources)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return OfflineQueryRunner.FromPaths(paths, _options);
    }
}
