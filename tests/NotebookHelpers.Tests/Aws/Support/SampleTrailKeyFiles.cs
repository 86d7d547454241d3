using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// Evaluates, over a folder laid out as a trail bucket (the sample incident's organization trail), the one SQL shape
/// the <c>athena:</c> source sends (<c>CloudTrailKeyFilesQuery</c>): the partitions its WHERE clause selects are read
/// file by file, and the <c>"$path"</c> of every file holding an event signed with one of its keys, or naming one in
/// its request or response, is returned, with the bytes of every file in those partitions as the bytes scanned (what
/// Athena reads for a JSON table). Any other SQL fails the query, as an engine would refuse what it cannot run.
/// </summary>
public static partial class SampleTrailKeyFiles
{
    /// <summary>The rows Athena would return for <paramref name="sql"/> over the folder <paramref name="root"/> served as <paramref name="bucket"/>.</summary>
    public static FakeAthena.Table Evaluate(string sql, string root, string bucket)
    {
        var shape = Shape().Match(sql);
        if (!shape.Success)
        {
            throw new FakeAthena.QueryFailure("NOT_SUPPORTED: the loopback Athena evaluates only the key-files query, not: " + sql);
        }

        var first = shape.Groups["first"].Value;
        var last = shape.Groups["last"].Value;
        var accounts = Strings(shape.Groups["accounts"].Value);
        var regions = Strings(shape.Groups["regions"].Value);
        var keys = Strings(shape.Groups["keys"].Value);
        var users = Strings(shape.Groups["users"].Value);
        var mentions = shape.Groups["mention"].Captures.Select(c => c.Value).ToList();
        long scanned = 0;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(root, file).Replace('\\', '/');
            var partition = Partition().Match(key);
            if (!partition.Success)
            {
                continue;
            }

            var day = partition.Groups["day"].Value;
            if (string.CompareOrdinal(day, first) < 0 || string.CompareOrdinal(day, last) > 0
                || (accounts.Count > 0 && !accounts.Contains(partition.Groups["account"].Value))
                || (regions.Count > 0 && !regions.Contains(partition.Groups["region"].Value)))
            {
                continue;
            }

            scanned += new FileInfo(file).Length;
            if (new EvidenceReader().ReadEvents([file]).Any(e => Matches(e.Utf8Json, keys, users, mentions)))
            {
                paths.Add($"s3://{bucket}/{key}");
            }
        }

        return new FakeAthena.Table([("path", "varchar")], [.. paths.Select(p => (IReadOnlyList<string?>)[p])], scanned);
    }

    private static bool Matches(ReadOnlyMemory<byte> json, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> users, IReadOnlyCollection<string> mentions)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Identity(string name) => root.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object
            && identity.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : "";
        var request = Text("requestParameters");
        var response = Text("responseElements");
        return (Identity("accessKeyId") is { } key && keys.Contains(key))
            || (Identity("userName") is { } user && users.Contains(user))
            || mentions.Any(m => request.Contains(m, StringComparison.Ordinal) || response.Contains(m, StringComparison.Ordinal));
    }

    private static List<string> Strings(string list) =>
        [.. Regex.Matches(list, "'([^']*)'").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""^SELECT DISTINCT "\$path" AS path\nFROM "[a-z0-9_]+"\."[a-z0-9_]+"\nWHERE "timestamp" BETWEEN '(?<first>[0-9/]{10})' AND '(?<last>[0-9/]{10})'(?: AND account IN \((?<accounts>[^)]*)\))?(?: AND region IN \((?<regions>[^)]*)\))?\n  AND \((?:useridentity\.accesskeyid IN \((?<keys>[^)]*)\))?(?:(?:\n    OR )?useridentity\.username IN \((?<users>[^)]*)\))?(?:(?:\n    OR )?strpos\(requestparameters, '(?<mention>[^']+)'\) > 0 OR strpos\(responseelements, '\k<mention>'\) > 0)*\)\nORDER BY 1\n$""", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^AWSLogs/(?:o-[a-z0-9]+/)?(?<account>[0-9]{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<day>[0-9]{4}/[0-9]{2}/[0-9]{2})/[^/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Partition();
}
