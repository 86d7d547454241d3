namespace NotebookHelpers.Sources;

/// <summary>Finds <c>data-samples/sample-incident/</c> from a notebook, the CLI or a test, wherever they run.</summary>
public static class SampleIncidentLocator
{
    private const string Prefix = "sample:";

    /// <summary>
    /// The sample's digest signing public key, in ListPublicKeys shape, beside its copies: the sample's own key pair
    /// (derived from the generator's seed), not an AWS key.
    /// </summary>
    public const string PublicKeysFileName = "cloudtrail-public-keys.json";

    /// <summary>
    /// True when <paramref name="source"/> names the sample incident (<c>sample</c>, or <c>sample:COPY</c> for one of its
    /// copies); <paramref name="copy"/> is then the copy's folder name (<c>trail-s3</c> for plain <c>sample</c>).
    /// </summary>
    public static bool TryParseSourceName(string source, out string copy)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Trim();
        if (text.Equals("sample", StringComparison.OrdinalIgnoreCase))
        {
            copy = "trail-s3";
            return true;
        }

        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            copy = text.Length > Prefix.Length ? text[Prefix.Length..] : "trail-s3";
            return true;
        }

        copy = string.Empty;
        return false;
    }

    /// <summary>The folder of one copy of the sample incident (<c>trail-s3</c>, <c>event-history</c>, <c>cloudwatch-logs</c>).</summary>
    /// <exception cref="ArgumentException">The copy is unknown, or no data-samples folder is above the current or program folder.</exception>
    public static string Find(string copy, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy is not ("trail-s3" or "event-history" or "cloudwatch-logs"))
        {
            throw new ArgumentException($"'sample:{copy}' is not a copy of the sample incident (trail-s3, event-history, cloudwatch-logs).", nameof(copy));
        }

        var starts = repositoryRoot is not null ? [repositoryRoot] : new[] { Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data-samples", "sample-incident", copy);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException(
            $"the sample incident (data-samples/sample-incident/{copy}) is not above {string.Join(" or ", starts)}; run from the repository or give its root.", nameof(repositoryRoot));
    }
}
