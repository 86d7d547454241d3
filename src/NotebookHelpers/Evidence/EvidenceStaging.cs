namespace NotebookHelpers.Evidence;

/// <summary>
/// Where an evidence folder keeps files still being received: <c>.nbh-staging/</c> at its top, next to
/// <c>manifest.jsonl</c>. A download is written there and moved into place only once complete, so an interrupted
/// fetch leaves no partial file among the evidence; readers skip the folder.
/// </summary>
public static class EvidenceStaging
{
    /// <summary>The staging folder's name.</summary>
    public const string FolderName = ".nbh-staging";

    /// <summary>True for the staging folder of an evidence folder (a folder of that name beside a manifest).</summary>
    public static bool IsStagingFolder(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Name == FolderName && folder.Parent is { } parent && File.Exists(Path.Combine(parent.FullName, "manifest.jsonl"));
    }

    /// <summary>True for a file under the staging folder of the evidence folder <paramref name="root"/> (<paramref name="relativePath"/> uses <c>/</c>).</summary>
    public static bool IsStagedFile(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.StartsWith(FolderName + "/", StringComparison.Ordinal) && File.Exists(Path.Combine(root, "manifest.jsonl"));
    }
}
