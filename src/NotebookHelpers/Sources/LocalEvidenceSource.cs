using System.Runtime.CompilerServices;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// Evidence on disk: files, folders, archives, and evidence folders written by <c>nbh lookup</c> /
/// <c>nbh fetch-trail</c> (whose manifest lists the evidence files, so the bookkeeping files are not read as logs).
/// </summary>
public sealed class LocalEvidenceSource : IEvidenceSource
{
    private readonly IReadOnlyList<string> _paths;
    private readonly EvidenceSourceOptions _options;

    /// <summary>Creates a source over paths.</summary>
    public LocalEvidenceSource(string parameter, IReadOnlyList<string> paths, EvidenceSourceOptions options, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        Parameter = parameter;
        _paths = paths;
        _options = options;
        Description = description ?? string.Join(", ", paths);
    }

    /// <inheritdoc />
    public string Parameter { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The files and folders read, nbh evidence folders expanded to their evidence files.</summary>
    public IReadOnlyList<string> Paths => [.. _paths.SelectMany(Expand)];

    /// <inheritdoc />
    public Task<IInsightsQueryRunner> OpenQueryRunnerAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IInsightsQueryRunner>(OfflineQueryRunner.FromPaths(Paths, ReaderOptions()));

    /// <inheritdoc />
    public async IAsyncEnumerable<CloudTrailEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = new EvidenceReader(ReaderOptions());
        await Task.Yield();
        foreach (var e in reader.ReadEvents(Paths, cancellationToken))
        {
            yield return e;
        }

        if (reader.Report.Problems.Count > 0)
        {
            _options.Progress?.Report($"{Description}: {reader.Report.Problems.Count} read problems (first: {reader.Report.Problems[0]})");
        }
    }

    /// <summary>The evidence files an nbh evidence folder lists (its manifest), or the path itself.</summary>
    public static IEnumerable<string> Expand(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path) || !File.Exists(Path.Combine(path, EvidenceDirectory.ManifestFileName)))
        {
            return [path];
        }

        var folder = EvidenceDirectory.Open(path);
        return folder.Entries
            .Where(e => IsLogEvidence(e.Path))
            .Select(e => folder.FullPath(e.Path));
    }

    // LookupEvents pages and trail objects are logs; query.json, sweep tables, digests' S3 metadata and the like are bookkeeping.
    private static bool IsLogEvidence(string relativePath) =>
        (relativePath.StartsWith("lookup/", StringComparison.Ordinal) && Path.GetFileName(relativePath).StartsWith("page-", StringComparison.Ordinal))
        || (relativePath.StartsWith("s3/", StringComparison.Ordinal) && !Integrity.S3ObjectMetadata.IsMetadataFile(relativePath));

    private EvidenceReaderOptions ReaderOptions() => (_options.Reader ?? new EvidenceReaderOptions()) with { TimeRange = _options.Range };
}
