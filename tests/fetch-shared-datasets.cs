// Fetches the third-party CloudTrail recordings the tests read from ../shared/datasets, from their public origins at
// the pinned revisions of ../shared/datasets/README.md, and checks every file against tests/shared-datasets.sha256
// (the SHA-256 of each file as the project's copy held it). The data is never part of this repository.
//
//   dotnet run tests/fetch-shared-datasets.cs                         fetch into ../shared/datasets (next to the clone)
//   dotnet run tests/fetch-shared-datasets.cs -- --to DIR             fetch into DIR instead
//   dotnet run tests/fetch-shared-datasets.cs -- --mirror DIR|URL     read the origins from a mirror laid out as
//                                                                     OWNER/REPO/COMMIT/PATH (a folder, file:// or http(s))
//   dotnet run tests/fetch-shared-datasets.cs -- --list               print where each file comes from, fetch nothing
//
// Files already present with the right SHA-256 are kept, so an interrupted run resumes. A file whose bytes do not
// match its sum is refused (not written) and the run exits 1. Files copied unchanged come from raw GitHub URLs at
// the pinned commit; the three derived files are derived again from the files they were made from; the few files
// with no public origin to pin are listed, and checked when present.
//
// One file on purpose: a .NET 10 file-based program needs nothing but the SDK on a fresh machine.
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

return await Fetcher.MainAsync(args);

/// <summary>Where one repository's files come from: a GitHub repository at a commit.</summary>
internal sealed record Repository(string Owner, string Name, string Commit)
{
    public string Key(string path) => $"{Owner}/{Name}/{Commit}/{path}";
}

/// <summary>How one file of the datasets is brought back.</summary>
internal abstract record Source
{
    /// <summary>Copied unchanged from a repository file.</summary>
    public sealed record Copied(Repository Repository, string PathInRepository) : Source;

    /// <summary>Made from other dataset files by a derivation that is run again.</summary>
    public sealed record Derived(string How, IReadOnlyList<string> Inputs, Func<Func<string, byte[]>, byte[]> Make) : Source;

    /// <summary>No public origin to fetch it from.</summary>
    public sealed record Unavailable(string Why) : Source;
}

/// <summary>The origins of ../shared/datasets, transcribed from its README (source, commit and path per folder).</summary>
internal static class Origins
{
    private static readonly Repository Otrf = new("OTRF", "Security-Datasets", "d9d40ef123d2c87d5d3df28c96bcab4f0faccc87");
    private static readonly Repository Stratus = new("DataDog", "stratus-red-team", "7c9a7a5a63dc370260a6528dd0d30476854806c1");
    private static readonly Repository Panther = new("panther-labs", "panther-analysis", "daa10c888566839e9918dfba1cd652743781e5fe");
    private static readonly Repository Invictus = new("invictus-ir", "aws_dataset", "4667aa9c26330bc3317ed8bd526f4b83cff13602");
    private static readonly Repository Suzaku = new("Yamato-Security", "suzaku-sample-data", "9a98673442b02162722f3ba90da32177dfa18941");
    private static readonly Repository TrailDiscover = new("adanalvarez", "TrailDiscover", "f96cbdb0591f78d16b1948e84c211becce6258e6");
    private static readonly Repository CloudTrailGuide = new("awsdocs", "aws-cloudtrail-user-guide", "56f54d99dfee0c3faf3d4a2b87bb572ad9edf58a");
    private static readonly Repository AwsCliLogsGet = new("aws", "aws-cli", "5cbdea3e85722da650c3e6c7ee2ebc8ab45c78ea");
    private static readonly Repository AwsCliLogsStart = new("aws", "aws-cli", "b9b4a6f5c4951d8cbf9318f7c21770711d7b52d4");
    private static readonly Repository AwsCliLookup = new("aws", "aws-cli", "07c4fe366b49c4dde816d674f4941134fc432673");

    private const string AwsDocsFolder = "awsdocs-cloudtrail-examples/";

    public static Source Of(string path, IReadOnlyList<string> allPaths)
    {
        var (folder, rest) = Split(path);
        return (folder, rest) switch
        {
            ("otrf-security-datasets", "ec2_proxy_s3_exfiltration.zip") => Copy(Otrf, "datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip"),
            ("otrf-security-datasets", "aws_s3_honeybucketlogs.zip") => Copy(Otrf, "datasets/atomic/aws/discovery/aws_s3_honeybucketlogs.zip"),
            ("stratus-red-team-detonation-logs", "LICENSE.stratus-red-team") => Copy(Stratus, "LICENSE"),
            ("stratus-red-team-detonation-logs", _) when IsFileName(rest) => Copy(Stratus, "docs/detonation-logs/" + rest),
            ("panther-analysis-test-events", "LICENSE.panther-analysis.txt") => Copy(Panther, "LICENSE.txt"),
            ("panther-analysis-test-events", _) when IsFileName(rest) => Copy(Panther, "rules/aws_cloudtrail_rules/" + rest),
            ("invictus-ir-aws-dataset", _) => Copy(Invictus, rest),
            ("suzaku-sample-data-sans504", _) => Copy(Suzaku, rest),
            ("traildiscover-log-examples", _) => Copy(TrailDiscover, rest),
            ("awsdocs-cloudtrail-examples", "awsdocs-example-records.extracted.jsonl") => AwsDocsRecords(allPaths),
            ("awsdocs-cloudtrail-examples", _) when rest.EndsWith(".md", StringComparison.Ordinal) => Copy(CloudTrailGuide, "doc_source/" + rest),
            ("api-responses", "aws-cli.examples.logs.get-query-results.rst") => Copy(AwsCliLogsGet, "awscli/examples/logs/get-query-results.rst"),
            ("api-responses", "aws-cli.examples.logs.start-query.rst") => Copy(AwsCliLogsStart, "awscli/examples/logs/start-query.rst"),
            ("api-responses", "aws-cli.examples.cloudtrail.lookup-events.rst") => Copy(AwsCliLookup, "awscli/examples/cloudtrail/lookup-events.rst"),
            ("api-responses", "awsdocs.aws-cloudtrail-user-guide.view-cloudtrail-events-cli.md") => Copy(CloudTrailGuide, "doc_source/view-cloudtrail-events-cli.md"),
            ("api-responses", "GetQueryResults.aws-cli-example.json") => OutputOf("api-responses/aws-cli.examples.logs.get-query-results.rst"),
            ("api-responses", "LookupEvents.aws-cli-example.json") => OutputOf("api-responses/aws-cli.examples.cloudtrail.lookup-events.rst"),
            ("api-responses", _) when rest.StartsWith("GetQueryResults.sans-workshop.", StringComparison.Ordinal) =>
                new Source.Unavailable("transcribed from a SANS-style workshop web page, which has no revision to pin; copy it from a machine that has ../shared"),
            ("api-responses", "botocore-shapes.logs-query+cloudtrail-lookupevents.json") =>
                new Source.Unavailable("a hand-picked subset of boto/botocore@0e6e2404 botocore/data/logs/2014-03-28/service-2.json and botocore/data/cloudtrail/2013-11-01/service-2.json; the tests pass without it"),
            ("README.md", "") => new Source.Unavailable("the provenance notes of ../shared/datasets, written there; not a recording"),
            _ => new Source.Unavailable("no origin is known for it"),
        };
    }

    private static (string Folder, string Remainder) Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (path, "") : (path[..slash], path[(slash + 1)..]);
    }

    private static bool IsFileName(string rest) => rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal);

    private static Source.Copied Copy(Repository repository, string path) => new(repository, path);

    // The JSON body an aws-cli example shows after "Output::", as 2-space indented JSON (how the copy was made).
    private static Source.Derived OutputOf(string rst) => new(
        $"the JSON after 'Output::' in {rst}, indented by 2",
        [rst],
        read => Encoding.UTF8.GetBytes(PythonJson.Write(JsonDocument.Parse(RstOutput(Encoding.UTF8.GetString(read(rst)))).RootElement, indent: 2)));

    // Every fenced code block of the CloudTrail guide's pages that parses as a record (or a {"Records":[…]} of them)
    // with an eventTime and an eventName, one per line with the page's name first, pages in name order.
    private static Source.Derived AwsDocsRecords(IReadOnlyList<string> allPaths)
    {
        var pages = allPaths.Where(p => p.StartsWith(AwsDocsFolder, StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return new Source.Derived(
            "the CloudTrail records in the code blocks of " + string.Join(", ", pages),
            pages,
            read =>
            {
                var lines = new StringBuilder();
                foreach (var page in pages)
                {
                    var text = Encoding.UTF8.GetString(read(page));
                    foreach (Match block in Regex.Matches(text, "```[^\n]*\n(.*?)```", RegexOptions.Singleline))
                    {
                        foreach (var record in Records(block.Groups[1].Value))
                        {
                            var members = new List<(string, string)> { ("_source_file", PythonJson.String(page[AwsDocsFolder.Length..])) };
                            members.AddRange(record.EnumerateObject().Select(p => (p.Name, PythonJson.Write(p.Value, indent: null))));
                            lines.Append('{').AppendJoin(", ", members.Select(m => PythonJson.String(m.Item1) + ": " + m.Item2)).Append("}\n");
                        }
                    }
                }

                return Encoding.UTF8.GetBytes(lines.ToString());
            });
    }

    private static IEnumerable<JsonElement> Records(string block)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(block).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var candidates = root.TryGetProperty("eventVersion", out _) ? [root]
            : root.TryGetProperty("Records", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList()
            : [];
        foreach (var record in candidates)
        {
            if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty("eventTime", out _) && record.TryGetProperty("eventName", out _))
            {
                yield return record;
            }
        }
    }

    private static string RstOutput(string rst)
    {
        var lines = rst.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "Output::");
        if (start < 0)
        {
            throw new InvalidDataException("no 'Output::' block");
        }

        var body = lines.Skip(start + 1).SkipWhile(l => l.Trim().Length == 0).TakeWhile(l => l.Trim().Length == 0 || char.IsWhiteSpace(l[0])).ToList();
        return string.Join('\n', body);
    }
}

/// <summary>JSON written as Python's json.dumps writes it (ASCII only, its separators), which is how the derived files were made.</summary>
internal static class PythonJson
{
    public static string Write(JsonElement value, int? indent)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    public static string String(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static void Write(StringBuilder sb, JsonElement value, int? indent, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Container(sb, '{', '}', value.EnumerateObject().Select(p => (Action)(() =>
                {
                    sb.Append(String(p.Name)).Append(": ");
                    Write(sb, p.Value, indent, depth + 1);
                })).ToList(), indent, depth);
                break;
            case JsonValueKind.Array:
                Container(sb, '[', ']', value.EnumerateArray().Select(v => (Action)(() => Write(sb, v, indent, depth + 1))).ToList(), indent, depth);
                break;
            case JsonValueKind.String:
                sb.Append(String(value.GetString()!));
                break;
            case JsonValueKind.Number:
                sb.Append(Number(value.GetRawText()));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void Container(StringBuilder sb, char open, char close, List<Action> items, int? indent, int depth)
    {
        sb.Append(open);
        if (items.Count == 0)
        {
            sb.Append(close);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (indent is { } n)
            {
                sb.Append(i == 0 ? "\n" : ",\n").Append(' ', n * (depth + 1));
            }
            else if (i > 0)
            {
                sb.Append(", ");
            }

            items[i]();
        }

        if (indent is { } m)
        {
            sb.Append('\n').Append(' ', m * depth);
        }

        sb.Append(close);
    }

    // Integers keep their digits; other numbers are floats, which Python prints as their shortest round trip with a ".0".
    private static string Number(string raw)
    {
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
        {
            return raw;
        }

        var text = double.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }
}

/// <summary>The run: reads the sums, fetches, derives, verifies, writes, reports.</summary>
internal static class Fetcher
{
    private const string RawGitHub = "https://raw.githubusercontent.com";

    public static async Task<int> MainAsync(string[] args)
    {
        string? to = null, mirror = null, sums = null;
        var jobs = 8;
        var list = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length: to = args[++i]; break;
                case "--mirror" when i + 1 < args.Length: mirror = args[++i]; break;
                case "--sums" when i + 1 < args.Length: sums = args[++i]; break;
                case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: jobs = n; i++; break;
                case "--list": list = true; break;
                case "-h" or "--help":
                    Console.WriteLine("usage: dotnet run tests/fetch-shared-datasets.cs [-- [--to DIR] [--mirror DIR|URL] [--sums FILE] [--jobs N] [--list]]");
                    return 0;
                default:
                    Console.Error.WriteLine($"fetch-shared-datasets: unknown or incomplete option '{args[i]}'; see --help");
                    return 2;
            }
        }

        var root = RepositoryRoot();
        if (root is null && (to is null || sums is null))
        {
            Console.Error.WriteLine("fetch-shared-datasets: run it from the repository (or give --to and --sums)");
            return 2;
        }

        var sumsPath = Path.GetFullPath(sums ?? Path.Combine(root!, "tests", "shared-datasets.sha256"));
        var target = Path.GetFullPath(to ?? Path.Combine(root!, "..", "shared", "datasets"));
        var expected = ReadSums(sumsPath);
        var paths = expected.Keys.Order(StringComparer.Ordinal).ToList();
        var sources = paths.ToDictionary(p => p, p => Origins.Of(p, paths), StringComparer.Ordinal);
        if (list)
        {
            foreach (var path in paths)
            {
                var from = sources[path] switch
                {
                    Source.Copied c => "copied\t" + c.Repository.Key(c.PathInRepository),
                    Source.Derived d => "derived\t" + d.How,
                    Source.Unavailable u => "unavailable\t" + u.Why,
                    _ => "?",
                };
                Console.WriteLine(path + "\t" + from);
            }

            return 0;
        }

        var origin = new Origin(mirror ?? RawGitHub);
        Console.Error.WriteLine($"fetch-shared-datasets: {paths.Count:N0} files into {target}, from {origin.Description}");
        var outcome = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<string>();
        var done = 0;
        await Parallel.ForEachAsync(
            paths.Where(p => sources[p] is Source.Copied),
            new ParallelOptions { MaxDegreeOfParallelism = jobs },
            async (path, cancellationToken) =>
            {
                var copied = (Source.Copied)sources[path];
                outcome[path] = await BringAsync(target, path, expected[path], problems, async () =>
                    await origin.ReadAsync(copied.Repository.Key(copied.PathInRepository), cancellationToken), origin.UrlOf(copied.Repository.Key(copied.PathInRepository)));
                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    Console.Error.WriteLine($"fetch-shared-datasets: {done:N0} files checked or fetched");
                }
            });

        foreach (var path in paths.Where(p => sources[p] is Source.Derived))
        {
            var derived = (Source.Derived)sources[path];
            var missing = derived.Inputs.Where(i => outcome.GetValueOrDefault(i) is not ("present" or "fetched")).ToList();
            outcome[path] = missing.Count > 0
                ? Problem(problems, path, "not derived: its inputs are missing (" + string.Join(", ", missing) + ")")
                : await BringAsync(target, path, expected[path], problems, () => Task.FromResult(derived.Make(input => File.ReadAllBytes(Path.Combine(target, input)))), derived.How);
        }

        var unavailable = new List<string>();
        foreach (var path in paths.Where(p => sources[p] is Source.Unavailable))
        {
            var file = Path.Combine(target, path);
            if (!File.Exists(file))
            {
                unavailable.Add($"  {path}: {((Source.Unavailable)sources[path]).Why}");
                outcome[path] = "unavailable";
            }
            else
            {
                outcome[path] = Sha256(File.ReadAllBytes(file)) == expected[path]
                    ? "present"
                    : Problem(problems, path, $"present but its SHA-256 is not the one in {Path.GetFileName(sumsPath)}; it has no origin to fetch it again from");
            }
        }

        var counts = outcome.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fetch-shared-datasets: {counts.GetValueOrDefault("present")} already present, {counts.GetValueOrDefault("fetched")} fetched or derived, " +
            $"{problems.Count} refused or failed, {unavailable.Count} not fetchable, of {paths.Count} files in {target}"));
        if (unavailable.Count > 0)
        {
            Console.WriteLine("not fetchable (the tests that read them are skipped until they are present):");
            unavailable.ForEach(Console.WriteLine);
        }

        foreach (var problem in problems.Order(StringComparer.Ordinal))
        {
            Console.Error.WriteLine("fetch-shared-datasets: " + problem);
        }

        return problems.IsEmpty ? 0 : 1;
    }

    // Keeps a file that is already right; otherwise writes the new bytes only when their SHA-256 is the expected one.
    private static async Task<string> BringAsync(string target, string path, string sha256, ConcurrentBag<string> problems, Func<Task<byte[]>> read, string from)
    {
        var file = Path.Combine(target, path);
        if (File.Exists(file) && Sha256(await File.ReadAllBytesAsync(file)) == sha256)
        {
            return "present";
        }

        byte[] bytes;
        try
        {
            bytes = await read();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or JsonException or InvalidDataException or TaskCanceledException)
        {
            return Problem(problems, path, $"failed: {from}: {e.Message}");
        }

        var actual = Sha256(bytes);
        if (actual != sha256)
        {
            return Problem(problems, path, $"refused: {from} gave {bytes.Length:N0} bytes with SHA-256 {actual}, expected {sha256}; not written");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".partial";
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, file, overwrite: true);
        return "fetched";
    }

    private static string Problem(ConcurrentBag<string> problems, string path, string what)
    {
        problems.Add($"{path}: {what}");
        return "problem";
    }

    private static Dictionary<string, string> ReadSums(string path)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Where(x => x.l.Length > 0))
        {
            var match = Regex.Match(line, "^([0-9a-f]{64})  (\\S.*)$");
            if (!match.Success || match.Groups[2].Value.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(match.Groups[2].Value))
            {
                throw new InvalidDataException($"{path}:{number}: not a 'SHA256  relative/path' line");
            }

            sums[match.Groups[2].Value] = match.Groups[1].Value;
        }

        return sums;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NotebookHelpers.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>Raw GitHub, or a mirror with the same OWNER/REPO/COMMIT/PATH layout: a folder, a file:// URL or an http(s) base.</summary>
internal sealed class Origin
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromMinutes(2) };
    private readonly string? _folder;
    private readonly string? _baseUrl;

    public Origin(string location)
    {
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            _baseUrl = location.TrimEnd('/');
        }
        else
        {
            _folder = Path.GetFullPath(location.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(location).LocalPath : location);
        }
    }

    public string Description => _baseUrl ?? "the mirror " + _folder;

    public string UrlOf(string key) => _baseUrl is null
        ? Path.Combine(_folder!, key)
        : _baseUrl + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_baseUrl is null)
        {
            return await File.ReadAllBytesAsync(UrlOf(key), cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await Http.GetAsync(UrlOf(key), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsByteArrayAsync(cancellationToken);
                }

                throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }
            catch (HttpRequestException e) when (attempt < 4 && e.StatusCode is null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
            {
                // A dropped connection, a rate limit or a server error: wait and try again; a 404 is final.
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
            }
        }
    }
}
