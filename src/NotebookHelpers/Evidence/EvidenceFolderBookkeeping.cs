using System.Text.Json;

namespace NotebookHelpers.Evidence;

/// <summary>
/// The bookkeeping files at the top of an nbh evidence folder, <c>manifest.jsonl</c> and <c>actions.jsonl</c>: not
/// logs, so a directory walk does not read them as evidence (a damaged manifest line once came out as one warning per
/// manifest line). A damaged manifest line is still worth one warning: it names a file a fetch may not have recorded.
/// </summary>
public static class EvidenceFolderBookkeeping
{
    /// <summary>The manifest's file name (<c>Aws.EvidenceFolder.EvidenceDirectory.ManifestFileName</c>).</summary>
    public const string ManifestFileName = "manifest.jsonl";

    /// <summary>The containment actions log's file name.</summary>
    public const string ActionsFileName = "actions.jsonl";

    /// <summary>True for the manifest, or the actions log beside a manifest.</summary>
    public static bool IsBookkeepingFile(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Name == ManifestFileName
            || (file.Name == ActionsFileName && file.DirectoryName is { } folder && File.Exists(Path.Combine(folder, ManifestFileName)));
    }

    /// <summary>The 1-based numbers of the manifest's lines that are not a manifest entry (a JSON object with a path and a sha256).</summary>
    public static IEnumerable<long> DamagedManifestLines(string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        long number = 0;
        foreach (var line in File.ReadLines(manifestPath))
        {
            number++;
            if (line.Length > 0 && !IsEntry(line))
            {
                yield return number;
            }
        }
    }

    private static bool IsEntry(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
