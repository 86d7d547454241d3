using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NotebookHelpers.SampleIncident;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>The committed sample incident, read once with System.Text.Json: the three copies and the answer key.</summary>
internal sealed class SampleIncidentFiles
{
    private static readonly Lazy<SampleIncidentFiles> Committed = new(() => Load(Path.Combine(RepositoryPaths.DataSamples, "sample-incident")));

    private SampleIncidentFiles(string root)
    {
        Root = root;
    }

    public static SampleIncidentFiles Instance => Committed.Value;

    public string Root { get; }

    public JsonElement AnswerKey { get; private set; }

    /// <summary>Trail records by eventID: raw JSON and the object key that holds it.</summary>
    public Dictionary<string, (string Json, string ObjectPath)> Trail { get; } = new(StringComparer.Ordinal);

    public List<string> TrailObjects { get; } = [];

    public List<string> DigestObjects { get; } = [];

    /// <summary>EventIDs of the records the story deleted from trail-s3 (with their log object); the other copies keep them.</summary>
    public HashSet<string> DeletedFromTrail { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys of the log objects the story deleted from trail-s3; the digests still list them.</summary>
    public HashSet<string> DeletedObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudWatch Logs export lines by eventID: the line's timestamp, raw JSON, and its log stream.</summary>
    public Dictionary<string, (string Timestamp, string Json, string Stream)> CloudWatch { get; } = new(StringComparer.Ordinal);

    public List<(string Stream, List<string> Timestamps)> CloudWatchStreams { get; } = [];

    /// <summary>Event History events by eventID: the page entry and the region folder it was saved under.</summary>
    public Dictionary<string, (JsonElement Entry, string Region)> EventHistory { get; } = new(StringComparer.Ordinal);

    public List<(string Region, string Path, JsonElement Page)> EventHistoryPages { get; } = [];

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static string Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static SampleIncidentFiles Load(string root)
    {
        var files = new SampleIncidentFiles(root);
        files.AnswerKey = Parse(File.ReadAllText(Path.Combine(root, SampleIncidentGenerator.AnswerKeyFile)));
        foreach (var deleted in files.AnswerKey.GetProperty("trailTampering").GetProperty("deletedLogObjects").EnumerateArray())
        {
            files.DeletedObjects.Add(deleted.GetProperty("key").GetString()!);
            files.DeletedFromTrail.UnionWith(deleted.GetProperty("recordsLost").EnumerateArray().Select(r => r.GetProperty("eventId").GetString()!));
        }
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, SampleIncidentGenerator.TrailFolder), "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains("CloudTrail-Digest", StringComparison.Ordinal))
            {
                files.DigestObjects.Add(path);
                continue;
            }

            files.TrailObjects.Add(path);
            using var doc = JsonDocument.Parse(Gunzip(path));
            foreach (var record in doc.RootElement.GetProperty("Records").EnumerateArray())
            {
                files.Trail.Add(record.GetProperty("eventID").GetString()!, (record.GetRawText(), path));
            }
        }

        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, SampleIncidentGenerator.CloudWatchFolder), "*.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = Path.GetFileName(Path.GetDirectoryName(path)!);
            var stamps = new List<string>();
            foreach (var line in Gunzip(path).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var json = line[(space + 1)..];
                using var doc = JsonDocument.Parse(json);
                files.CloudWatch.Add(doc.RootElement.GetProperty("eventID").GetString()!, (line[..space], json, stream));
                stamps.Add(line[..space]);
            }

            files.CloudWatchStreams.Add((stream, stamps));
        }

        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, SampleIncidentGenerator.EventHistoryFolder), "page-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var region = Path.GetFileName(Path.GetDirectoryName(path)!);
            var page = Parse(File.ReadAllText(path));
            files.EventHistoryPages.Add((region, path, page));
            foreach (var entry in page.GetProperty("Events").EnumerateArray())
            {
                files.EventHistory.Add(entry.GetProperty("EventId").GetString()!, (entry, region));
            }
        }

        return files;
    }
}
