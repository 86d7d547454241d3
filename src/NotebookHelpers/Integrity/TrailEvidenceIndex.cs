using NotebookHelpers.Aws.EvidenceFolder;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The trail objects under a folder (a bucket copy, or an nbh evidence folder whose objects sit at
/// <c>s3/BUCKET/KEY</c>), indexed by the part of their key from <c>AWSLogs/</c> on, which is how the keys a digest
/// names are found locally (the AWS guide's "path resolution" for offline validation). Also finds the public keys an
/// evidence folder saved (<see cref="PublicKeysFolder"/>).
/// </summary>
public sealed class TrailEvidenceIndex
{
    /// <summary>Where <c>nbh fetch-trail</c> saves ListPublicKeys responses inside an evidence folder.</summary>
    public const string PublicKeysFolder = "cloudtrail-public-keys";

    private readonly Dictionary<string, TrailObjectFile> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrailObjectFile> _digests = new(StringComparer.Ordinal);
    private readonly List<string> _publicKeyFiles = [];
    private readonly List<string> _duplicates = [];

    private TrailEvidenceIndex(string root) => Root = root;

    /// <summary>The folder indexed.</summary>
    public string Root { get; }

    /// <summary>Log files, by key tail.</summary>
    public IReadOnlyDictionary<string, TrailObjectFile> LogFiles => _logs;

    /// <summary>Digest files, by key tail.</summary>
    public IReadOnlyDictionary<string, TrailObjectFile> Digests => _digests;

    /// <summary>ListPublicKeys responses saved in an evidence folder, in path order.</summary>
    public IReadOnlyList<string> PublicKeyFiles => _publicKeyFiles;

    /// <summary>Objects found twice under the folder (the same key tail in two places); the first in path order is used.</summary>
    public IReadOnlyList<string> Duplicates => _duplicates;

    /// <summary>Indexes <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static TrailEvidenceIndex Build(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no such folder: {folder}");
        }

        var index = new TrailEvidenceIndex(root);
        var isEvidenceFolder = File.Exists(Path.Combine(root, EvidenceDirectory.ManifestFileName));
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
                     .Where(f => !Evidence.EvidenceStaging.IsStagedFile(root, f.Relative))
                     .OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            if (isEvidenceFolder && file.Relative.StartsWith(PublicKeysFolder + "/", StringComparison.Ordinal))
            {
                index._publicKeyFiles.Add(file.Full);
                continue;
            }

            if (S3ObjectMetadata.IsMetadataFile(file.Relative) || TrailObjectKey.TryParse(file.Relative) is not { } key)
            {
                continue;
            }

            var bucket = isEvidenceFolder ? BucketOf(file.Relative) : null;
            var objectKey = bucket is null ? file.Relative : Uri.UnescapeDataString(file.Relative[(file.Relative.IndexOf('/', 3) + 1)..]);
            var entry = new TrailObjectFile(key, file.Full, bucket, file.Relative, objectKey);
            var target = key.IsDigest ? index._digests : index._logs;
            if (!target.TryAdd(key.Tail, entry))
            {
                index._duplicates.Add($"{file.Relative}: the same object as {target[key.Tail].RelativePath}; that one is used");
            }
        }

        return index;
    }

    // s3/BUCKET/… in an evidence folder (EvidenceRelativePath percent-encodes unusual characters).
    private static string? BucketOf(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length > 2 && parts[0] == "s3" ? Uri.UnescapeDataString(parts[1]) : null;
    }
}
