using System.Runtime.CompilerServices;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Events;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// A live source that first fetches its evidence into the evidence folder (once per source object; a rerun with the
/// same folder resumes or skips what is there), then reads it like local evidence.
/// </summary>
public abstract class FetchedEvidenceSource : IEvidenceSource
{
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private LocalEvidenceSource? _local;

    /// <summary>Creates the source.</summary>
    protected FetchedEvidenceSource(string parameter, EvidenceSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Parameter = parameter;
        Options = options;
        if (options.EvidenceFolder is null)
        {
            throw new ArgumentException($"'{parameter}' fetches evidence from AWS: give an evidence folder to save it in.", nameof(options));
        }
    }

    /// <inheritdoc />
    public string Parameter { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The options.</summary>
    protected EvidenceSourceOptions Options { get; }

    /// <summary>Warnings of the fetch: regions or objects that could not be fetched (the evidence is then incomplete).</summary>
    public IReadOnlyList<string> FetchProblems { get; private set; } = [];

    /// <summary>
    /// <see cref="FetchProblems"/> as the warnings shown with this source's results:
    /// <c>DESCRIPTION: INCOMPLETE: PROBLEM</c>.
    /// </summary>
    public IReadOnlyList<string> IncompleteWarnings => [.. FetchProblems.Select(IncompleteWarning)];

    /// <inheritdoc />
    public async Task<IInsightsQueryRunner> OpenQueryRunnerAsync(CancellationToken cancellationToken = default) =>
        await (await FetchAsLocalAsync(cancellationToken).ConfigureAwait(false)).OpenQueryRunnerAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<CloudTrailEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var local = await FetchAsLocalAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var e in local.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>Fetches the evidence; returns the saved files (relative to the folder) and the problems.</summary>
    protected abstract Task<(IReadOnlyList<string> Paths, IReadOnlyList<string> Problems)> FetchAsync(
        AwsSession session, EvidenceDirectory evidence, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches the evidence (once; later calls return the same files) and returns the saved files as local evidence,
    /// so a caller can read them with its own <see cref="Evidence.EvidenceReader"/> and count their read problems.
    /// What could not be fetched is in <see cref="FetchProblems"/> afterwards.
    /// </summary>
    public async Task<LocalEvidenceSource> FetchAsLocalAsync(CancellationToken cancellationToken = default)
    {
        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_local is null)
            {
                var evidence = EvidenceDirectory.Open(Options.EvidenceFolder!);
                using var session = AwsSession.Open(Options.Aws);
                var (paths, problems) = await FetchAsync(session, evidence, cancellationToken).ConfigureAwait(false);
                FetchProblems = problems;
                foreach (var problem in problems)
                {
                    Options.Progress?.Report(IncompleteWarning(problem));
                }

                _local = new LocalEvidenceSource(Parameter, [.. paths.Select(evidence.FullPath)], Options, Description);
            }

            return _local;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private string IncompleteWarning(string problem) => $"{Description}: INCOMPLETE: {problem}";
}
