using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// Runs queries over an <see cref="IEvidenceSource"/>, opening it (and so fetching its evidence) at the first query.
/// Regions or objects a fetch could not get are added to every result's warnings, so a partial answer says so.
/// </summary>
public sealed class EvidenceSourceQueryRunner : IInsightsQueryRunner
{
    private readonly IEvidenceSource _source;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private IInsightsQueryRunner? _runner;

    /// <summary>Creates the runner; nothing is fetched until the first query.</summary>
    public EvidenceSourceQueryRunner(IEvidenceSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public string Description => _source.Description;

    /// <inheritdoc />
    public async Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // The fetched evidence is queried offline: check the query first, so a typo or a command only CloudWatch
        // runs does not cost a sweep of every region.
        if (_source is FetchedEvidenceSource)
        {
            OfflineQueryRunner.Validate(InsightsQuery.Parse(query));
        }

        var runner = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var results = await runner.RunAsync(query, range, progress, cancellationToken).ConfigureAwait(false);
        var problems = _source is FetchedEvidenceSource fetched ? fetched.FetchProblems : [];
        if (problems.Count == 0)
        {
            return results;
        }

        IReadOnlyList<string> warnings = [.. problems.Select(p => $"INCOMPLETE: {_source.Description}: {p}"), .. results.Warnings];
        return new QueryResults(results.Status, results.Columns, results.Rows, results.Statistics, warnings);
    }

    private async Task<IInsightsQueryRunner> OpenAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _runner ??= await _source.OpenQueryRunnerAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _openLock.Release();
        }
    }
}
