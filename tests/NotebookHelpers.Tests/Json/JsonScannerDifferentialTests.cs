using System.Text;
using NotebookHelpers.Json;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Json;

/// <summary>
/// The scanner with its block validator against the byte-by-byte scanner it replaced (<see cref="ReferenceJsonScanner"/>):
/// on real CloudTrail recordings and on thousands of damaged copies of them, both must return the same status,
/// value bounds, kind, error kind and offset, and whitespace flag.
/// </summary>
public class JsonScannerDifferentialTests
{
    private static readonly string[] DatasetExtensions = [".json", ".json.gz", ".jsonl", ".json.cloudtrail"];

    private static readonly byte[] SpecialBytes = "{}[]\":,\\ \t\n0-.eEtfnul"u8.ToArray();

    [SharedDataFact]
    public void AgreesWithTheReferenceFromEveryBracketOfEverySharedDatasetFile()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.SharedDataset("."), "*", SearchOption.AllDirectories)
            .Where(f => DatasetExtensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var tally = new Tally();
        foreach (var file in files)
        {
            var json = DatasetJson.Read(file);

            // From every '{' and '[' — the records and everything nested in them, and (inside strings) starts that
            // are not values at all.
            for (var pos = json.AsSpan().IndexOfAny((byte)'{', (byte)'['); pos >= 0;)
            {
                AssertAgrees(json, pos, file, tally);
                var next = json.AsSpan(pos + 1).IndexOfAny((byte)'{', (byte)'[');
                pos = next < 0 ? -1 : pos + 1 + next;
            }
        }

        Assert.True(files.Count > 4000, $"only {files.Count} dataset files found");
        Assert.True(tally.ValidContainers > 100_000, $"only {tally.ValidContainers} valid containers");

        // The block validator decided every valid container itself: the comparison above did not just run the
        // reference twice through the fallback (where vectors are accelerated, i.e. wherever the fast path runs).
        AssertDecidedByBlocks(tally.ValidContainers, tally);
    }

    [SharedDataFact]
    public void AgreesWithTheReferenceOnDamagedRealRecords()
    {
        var records = SampleRecords();
        var random = new Random(20261129);
        var tally = new Tally();
        for (var round = 0; round < 20_000; round++)
        {
            var record = records[random.Next(records.Count)];
            var damaged = Damage(record, random);
            AssertAgrees(damaged, LeadingWhitespace(damaged), $"mutation round {round}", tally);
        }

        // The mutations reach both verdicts and every kind of error, not only one corner.
        Assert.True(tally.ValidContainers > 2_000, $"only {tally.ValidContainers} damaged records stayed valid");
        Assert.True(tally.Invalid > 5_000, $"only {tally.Invalid} damaged records were invalid");
        Assert.True(tally.Incomplete > 1_000, $"only {tally.Incomplete} damaged records were incomplete");
        Assert.True(tally.ErrorKinds.Count >= 9, "error kinds reached: " + string.Join(", ", tally.ErrorKinds));
    }

    [Fact]
    public void AgreesWithTheReferenceWhereEscapesQuotesAndScalarsStraddleBlockBoundaries()
    {
        string[] middles =
        [
            "\\\"", "\\\\", "\\\\\\\"", "\\\\\\\\\"", "\\u00e9", "\\u00", "\\x", "\\", "\"", "\t", "\u0001", " ", "\\/\\b\\f\\n\\r\\t",
        ];
        string[] frames =
        [
            "{{\"k\":\"{0}{1}{2}\"}}", "[\"{0}{1}{2}\",1]", "{{\"{0}{1}{2}\":[true,false,null]}}", "[\"{0}\",{1}{2}]",
            "[\"{0}\",12.5e-3,true,null,-0{1}]", "[\"{0}\"{1}, \"{2}\"]",
        ];
        var tally = new Tally();
        foreach (var frame in frames)
        {
            foreach (var middle in middles)
            {
                for (var fill = 0; fill < 140; fill++)
                {
                    var text = string.Format(frame, new string('x', fill), middle, new string('y', fill % 7));
                    var json = Encoding.UTF8.GetBytes(text);
                    AssertAgrees(json, 0, text, tally);
                    AssertAgrees(json.AsSpan(0, json.Length - 1).ToArray(), 0, text + " (last byte cut)", tally);
                }
            }
        }

        Assert.True(tally.ValidContainers > 1_000);
        AssertDecidedByBlocks(tally.ValidContainers, tally);
    }

    [Theory]
    [InlineData(JsonScanner.MaxDepth)]
    [InlineData(JsonScanner.MaxDepth + 1)]
    public void AgreesWithTheReferenceAtTheDepthLimit(int depth)
    {
        var tally = new Tally();
        foreach (var (open, close) in new[] { ("[", "]"), ("{\"a\":", "}") })
        {
            var json = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "0" + string.Concat(Enumerable.Repeat(close, depth)));
            AssertAgrees(json, 0, $"{depth} levels of {open}", tally);
        }

        AssertDecidedByBlocks(depth <= JsonScanner.MaxDepth ? 2 : 0, tally);
    }

    private static void AssertDecidedByBlocks(int expected, Tally tally)
    {
        if (JsonBlockClassifier.IsSupported)
        {
            Assert.Equal(expected, tally.DecidedByBlocks);
        }
    }

    private static void AssertAgrees(byte[] json, int pos, string where, Tally tally)
    {
        var expectedWhitespace = false;
        var expected = ReferenceJsonScanner.SkipValue(json, pos, out var expectedStart, out var expectedEnd, out var expectedKind, out var expectedError, ref expectedWhitespace);
        var actualWhitespace = false;
        var actual = JsonScanner.SkipValue(json, pos, out var actualStart, out var actualEnd, out var actualKind, out var actualError, ref actualWhitespace);
        if ((expected, expectedStart, expectedEnd, expectedKind, expectedError, expectedWhitespace)
            != (actual, actualStart, actualEnd, actualKind, actualError, actualWhitespace))
        {
            Assert.Fail(
                $"{where}, from byte {pos}: reference {expected} [{expectedStart}, {expectedEnd}) {expectedKind} {expectedError} whitespace={expectedWhitespace}, " +
                $"scanner {actual} [{actualStart}, {actualEnd}) {actualKind} {actualError} whitespace={actualWhitespace}; input near there: " +
                Encoding.UTF8.GetString(json.AsSpan(pos, Math.Min(200, json.Length - pos))));
        }

        tally.Count(expected, expectedError.Kind);
        if (expected == JsonScanStatus.Ok && expectedKind is JsonTokenKind.Object or JsonTokenKind.Array)
        {
            tally.ValidContainers++;
            if (JsonStructuralValidator.TryScanContainer(json, expectedStart, out var blockEnd, out _) && blockEnd == expectedEnd)
            {
                tally.DecidedByBlocks++;
            }
        }
    }

    // Byte flips (to JSON's special bytes or any byte), deletions, truncations, inserted quotes, backslash runs,
    // control bytes, whitespace runs and deep nesting, one to four per record.
    private static byte[] Damage(byte[] record, Random random)
    {
        var bytes = new List<byte>(record);
        var edits = random.Next(5);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    bytes[at] = SpecialBytes[random.Next(SpecialBytes.Length)];
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(3)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.Insert(at, (byte)'"');
                    break;
                case 5:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)'\\', 1 + random.Next(4)));
                    break;
                case 6:
                    bytes.Insert(at, (byte)random.Next(32));
                    break;
                case 7:
                    bytes.InsertRange(at, Enumerable.Repeat((byte)" \t\r\n"[random.Next(4)], 1 + random.Next(70)));
                    break;
                default:
                    var depth = random.Next(2) == 0 ? JsonScanner.MaxDepth - 2 + random.Next(4) : 1 + random.Next(40);
                    var value = bytes.ToArray().AsSpan(at).IndexOfAny((byte)'"', (byte)'t', (byte)'n');
                    if (value >= 0)
                    {
                        // A string or literal value wrapped in arrays, so the nesting is closed where it opened.
                        at += value;
                        bytes.InsertRange(at, Enumerable.Repeat((byte)'[', depth));
                        var valueEnd = at + depth;
                        ReferenceJsonScanner.SkipValue(bytes.ToArray(), valueEnd, out _, out var end, out _, out _);
                        bytes.InsertRange(Math.Max(end, valueEnd), Enumerable.Repeat((byte)']', depth));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    // Records from the SANS S3 lab (CloudTrail files as S3 delivers them) and the Stratus detonations (pretty-printed):
    // compact and indented JSON, short and long strings, escapes, numbers, booleans and nested arrays.
    private static List<byte[]> SampleRecords()
    {
        var records = new List<byte[]>();
        var sans = Directory.EnumerateFiles(RepositoryPaths.SharedDataset("suzaku-sample-data-sans504"), "*.json.gz", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(150);
        var stratus = Directory.EnumerateFiles(RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs"), "*.json")
            .Order(StringComparer.Ordinal);
        foreach (var file in sans.Concat(stratus))
        {
            var json = DatasetJson.Read(file);
            var start = json.AsSpan().IndexOf((byte)'[');
            var elements = new JsonArrayReader(json.AsSpan(start));
            while (elements.MoveNext())
            {
                records.Add(elements.Value.ToArray());
            }
        }

        Assert.True(records.Count > 500, $"only {records.Count} sample records");
        return records;
    }

    private static int LeadingWhitespace(byte[] json) => JsonScanner.SkipWhitespace(json, 0);


    private sealed class Tally
    {
        public int ValidContainers;
        public int DecidedByBlocks;
        public int Invalid;
        public int Incomplete;
        public readonly HashSet<JsonScanErrorKind> ErrorKinds = [];

        public void Count(JsonScanStatus status, JsonScanErrorKind kind)
        {
            Invalid += status == JsonScanStatus.Invalid ? 1 : 0;
            Incomplete += status == JsonScanStatus.Incomplete ? 1 : 0;
            ErrorKinds.Add(kind);
        }
    }
}
