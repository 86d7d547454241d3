using System.Collections.Concurrent;
using System.Globalization;
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
            if (Events(file).Any(e => e.Matches(keys, users, mentions)))
            {
                paths.Add($"s3://{bucket}/{key}");
            }
        }

        return new FakeAthena.Table([("path", "varchar")], [.. paths.Select(p => (IReadOnlyList<string?>)[p])], scanned);
    }

    // Every query used to parse each event of its partitions with JsonDocument again, and the three Athena test
    // classes send dozens of queries over the same 1,701 files: the fields a query compares are read once per file
    // per test run. The key holds length and write time so a file rewritten during a run is read again.
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), Lazy<IReadOnlyList<TrailEventFields>>> Cache = new();

    private static IReadOnlyList<TrailEventFields> Events(string file)
    {
        var info = new FileInfo(file);
        return Cache.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), _ => new Lazy<IReadOnlyList<TrailEventFields>>(
            () => [.. new EvidenceReader().ReadEvents([file]).Select(e => TrailEventFields.Read(e.Utf8Json))],
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static List<string> Strings(string list) =>
        [.. Regex.Matches(list, "'([^']*)'").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""^SELECT DISTINCT "\$path" AS path\nFROM "[a-z0-9_]+"\."[a-z0-9_]+"\nWHERE "timestamp" BETWEEN '(?<first>[0-9/]{10})' AND '(?<last>[0-9/]{10})'(?: AND account IN \((?<accounts>[^)]*)\))?(?: AND region IN \((?<regions>[^)]*)\))?\n  AND \((?:useridentity\.accesskeyid IN \((?<keys>[^)]*)\))?(?:(?:\n    OR )?useridentity\.username IN \((?<users>[^)]*)\))?(?:(?:\n    OR )?strpos\(requestparameters, '(?<mention>[^']+)'\) > 0 OR strpos\(responseelements, '\k<mention>'\) > 0)*\)\nORDER BY 1\n$""", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^AWSLogs/(?:o-[a-z0-9]+/)?(?<account>[0-9]{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<day>[0-9]{4}/[0-9]{2}/[0-9]{2})/[^/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Partition();
}
