using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sources;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>lookup:[KEY=]VALUE</c> and <c>s3://BUCKET[/PREFIX]</c> for <c>nbh query --logs</c>: the evidence is fetched
/// into the options' evidence folder by <see cref="EvidenceSources"/> (resuming or skipping what is already there),
/// then the query runs offline over the saved files.
/// </summary>
public sealed class FetchedEvidenceSourceKind : IQuerySourceKind
{
    private readonly EvidenceSourceOptions _options;

    /// <summary>Creates the kind; <paramref name="options"/> give the evidence folder, range, AWS settings and progress.</summary>
    public FetchedEvidenceSourceKind(EvidenceSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "fetched AWS evidence (lookup:, s3://)";

    /// <inheritdoc />
    public bool Accepts(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartsWith(EventHistoryEvidenceSource.Scheme, StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public IInsightsQueryRunner CreateRunner(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);

        // Event History and a trail bucket hold the same events: querying both at once would count each twice.
        if (sources.Count != 1)
        {
            throw new ArgumentException(
                $"one lookup: or s3:// source per query (got {sources.Count}); fetch each into the same evidence folder, then query the folder.", nameof(sources));
        }

        if (!Accepts(sources[0]))
        {
            throw new ArgumentException($"'{sources[0]}' is not a lookup: or s3:// source.", nameof(sources));
        }

        return new EvidenceSourceQueryRunner(EvidenceSources.Parse(sources[0], _options));
    }
}
