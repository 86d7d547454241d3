using NotebookHelpers.Evidence;

namespace NotebookHelpers.Insights.Sources;

/// <summary>Files, folders and archives on disk, queried offline. Accepts anything without a <c>scheme:</c> prefix.</summary>
public sealed class LocalEvidenceSourceKind : IQuerySourceKind
{
    private readonly EvidenceReaderOptions? _options;

    /// <summary>Creates the kind; <paramref name="options"/> configure the evidence reader.</summary>
    public LocalEvidenceSourceKind(EvidenceReaderOptions? options = null) => _options = options;

    /// <inheritdoc />
    public string Name => "local evidence files";

    /// <inheritdoc />
    public bool Accepts(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var colon = source.IndexOf(':', StringComparison.Ordinal);

        // A scheme is letters before ':' and more than one letter (so C:\ on Windows is still a path).
        return colon <= 1 || !source[..colon].All(char.IsAsciiLetter);
    }

    /// <inheritdoc />
    public IInsightsQueryRunner CreateRunner(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var path in sources)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ArgumentException($"'{path}' does not exist (expected a file, folder or archive of logs).", nameof(sources));
            }
        }

        return OfflineQueryRunner.FromPaths(sources, _options);
    }
}
