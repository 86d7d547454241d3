namespace NotebookHelpers.Evidence;

/// <summary>
/// The regular files below a folder, each listed once: a folder reached again through a symlink (<c>again -> .</c>)
/// is not walked again, and FIFOs, sockets and devices are passed over (opening a FIFO blocks forever, a link to
/// <c>/dev/zero</c> never ends). Whatever is passed over is handed to the caller with the reason, to report. For the
/// readers that hash or index every file of an evidence folder; <see cref="EvidenceReader"/> walks the same way.
/// </summary>
public static class FolderFiles
{
    /// <summary>
    /// The files below <paramref name="folder"/>, depth first in ordinal name order; <paramref name="passedOver"/>
    /// receives each entry not listed and why.
    /// </summary>
    public static IEnumerable<string> Under(string folder, Action<string, string>? passedOver = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Walk(folder, new HashSet<string>(StringComparer.Ordinal), passedOver ?? ((_, _) => { }));
    }

    private static IEnumerable<string> Walk(string folder, HashSet<string> walked, Action<string, string> passedOver)
    {
        if (RealPath.Of(folder) is not { } real || !walked.Add(real))
        {
            passedOver(folder, "a folder already listed (through a symlink), or a loop of symlinks: not listed again");
            yield break;
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            passedOver(folder, "the folder cannot be listed: " + e.Message);
            yield break;
        }

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo sub)
            {
                foreach (var file in Walk(sub.FullName, walked, passedOver))
                {
                    yield return file;
                }
            }
            else if (FileKind.NotRegular(entry.FullName) is { } kind)
            {
                passedOver(entry.FullName, kind + ", not a file");
            }
            else
            {
                yield return entry.FullName;
            }
        }
    }
}
