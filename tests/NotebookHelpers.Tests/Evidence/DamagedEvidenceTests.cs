using System.IO.Compression;
using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Evidence;

/// <summary>Bad input: every problem is reported with its place, good records are kept, nothing crashes or hangs.</summary>
public class DamagedEvidenceTests
{
    private static readonly Lazy<string> LargestSans = new(() => Directory
        .EnumerateFiles(RepositoryPaths.SharedDataset("suzaku-sample-data-sans504/SANS-504-S3-ransomware-lab"), "*.json.gz", SearchOption.AllDirectories)
        .OrderByDescending(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).First());

    private static string LargestSansObject => LargestSans.Value;

    [SharedDataFact]
    public void GzipCutAtManyOffsetsKeepsWhatWasWholeAndReportsTheDamage()
    {
        var bytes = File.ReadAllBytes(LargestSansObject);
        using var dir = new TempDirectory();
        var complete = Read(dir.WriteBytes("whole.json.gz", bytes)).Events;
        Assert.True(complete > 10);

        for (var cut = 2; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 60))
        {
            var path = dir.WriteBytes($"cut-{cut}.json.gz", bytes[..cut]);
            var report = Read(path);

            Assert.InRange(report.Events, 0, complete - 1);
            var problem = Assert.Single(report.Problems, p => !p.IsNotice);
            var expected = cut < 20 ? problem.Kind is ReadProblemKind.EmptyFile or ReadProblemKind.CorruptCompression
                : problem.Kind is ReadProblemKind.CorruptCompression or ReadProblemKind.TruncatedJson;
            Assert.True(expected, $"cut {cut}: {problem.Kind} {problem}");
            Assert.Equal(path, problem.Location.Path);
            Assert.NotNull(problem.Location.ByteOffset);
        }
    }

    [SharedDataFact]
    public void FlippedBytesInGzipNeverCrashAndAreReported()
    {
        var bytes = File.ReadAllBytes(LargestSansObject);
        var complete = Read(LargestSansObject).Events;
        using var dir = new TempDirectory();
        var random = new Random(42);
        for (var round = 0; round < 40; round++)
        {
            var damaged = (byte[])bytes.Clone();
            var at = 10 + random.Next(damaged.Length - 10);
            damaged[at] ^= (byte)(1 << random.Next(8));
            var report = Read(dir.WriteBytes($"flip-{round}.json.gz", damaged));

            Assert.True(report.Events <= complete);
            Assert.True(report.Skipped > 0 || report.Events == complete, $"round {round}: flipping byte {at} went unnoticed");
        }
    }

    [SharedDataFact]
    public void FlippedByteInPlainJsonKeepsEarlierRecordsAndNamesThePlace()
    {
        var path = Directory.EnumerateFiles(RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(path);
        var middle = bytes.Length / 2;
        var colon = Array.IndexOf(bytes, (byte)':', middle);
        bytes[colon] = (byte)';';
        using var dir = new TempDirectory();

        var report = Read(dir.WriteBytes("broken.json", bytes));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.InvalidJson, problem.Kind);
        Assert.Equal(colon, problem.Location.ByteOffset);
        Assert.Contains("a key not followed by ':'", problem.Reason, StringComparison.Ordinal);
        Assert.True(report.Events > 0);
    }

    [Fact]
    public void BadLineInJsonLinesLosesOnlyThatLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("events.jsonl",
            Record("a") + "\n" + Record("b")[..20] + "\n" + Record("c") + "\n{\"hello\":\"world\"}\n" + Record("d") + "\n");

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Equal(["a", "c", "d"], events.Select(e => e.EventID));
        Assert.Equal(3, events[1].Location.Line);
        Assert.Equal(2, report.Skipped);
        Assert.Equal(ReadProblemKind.InvalidJson, report.Problems[0].Kind);
        Assert.Equal(2, report.Problems[0].Location.Line);
        Assert.Equal(ReadProblemKind.NotCloudTrail, report.Problems[1].Kind);
        Assert.Equal(4, report.Problems[1].Location.Line);
        Assert.Equal(EvidenceFormat.JsonLines, Assert.Single(report.FilesByFormat).Key);
    }

    [Fact]
    public void EmptyAndWhitespaceFilesAreReportedAsEmpty()
    {
        using var dir = new TempDirectory();
        var report = Read(dir.Write("empty.json", ""), dir.Write("blank.json", " \n\t\n"));

        Assert.Equal(2, report.ProblemCounts[ReadProblemKind.EmptyFile]);
        Assert.Equal(2, report.Skipped);
    }

    [Fact]
    public void ByteOrderMarksAreSkippedAndUtf16IsTranscoded()
    {
        using var dir = new TempDirectory();
        var bom = dir.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Record("a"))]);
        var utf16 = dir.WriteBytes("utf16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"Records\":[" + Record("b") + "]}")]);

        var (events, report) = EvidenceReader.ReadAll([bom, utf16]);

        Assert.Equal(["a", "b"], events.Select(e => e.EventID));
        Assert.Equal(2, report.ProblemCounts[ReadProblemKind.ByteOrderMark]);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void JsonThatIsNotCloudTrailIsReported()
    {
        using var dir = new TempDirectory();
        var report = Read(dir.Write("other.json", "{\"name\":\"not a log\",\"items\":[1,2]}"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.NotCloudTrail, problem.Kind);
        Assert.Equal(0, report.Events);
    }

    [Fact]
    public void EventsOver256KilobytesAreKeptWithANotice()
    {
        using var dir = new TempDirectory();
        var big = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventID\":\"big\",\"requestParameters\":{\"policy\":\"" + new string('x', 300_000) + "\"}}";
        var (events, report) = EvidenceReader.ReadAll([dir.Write("big.json", big)]);

        Assert.Equal("big", Assert.Single(events).EventID);
        Assert.Equal(1, report.ProblemCounts[ReadProblemKind.OversizedEvent]);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void StrictModeThrowsAtTheFirstProblem()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.jsonl", Record("a") + "\n{oops}\n" + Record("b") + "\n");
        var reader = new EvidenceReader(new EvidenceReaderOptions { Strict = true });

        var e = Assert.Throws<EvidenceReadException>(() => reader.ReadEvents([path]).ToList());
        Assert.Equal(2, e.Problem.Location.Line);
    }

    [Fact]
    public void DuplicatesAcrossFilesAreDroppedAndDifferingCopiesKeptAsConflicts()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.json", "{\"Records\":[" + Record("x") + "," + Record("y") + "]}");
        var b = dir.Write("b.json", "[\n  " + Record("x").Replace(",", ",\n    ", StringComparison.Ordinal) + ",\n" + Record("y", "Other") + "\n]");

        var (events, report) = EvidenceReader.ReadAll([a, b]);

        Assert.Equal(["x", "y", "y"], events.Select(e => e.EventID));
        Assert.Equal(1, report.Duplicates);
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal("y", conflict.EventId);
        Assert.Equal(a, conflict.First.Path);
        Assert.Equal(b, conflict.Second.Path);
    }

    [Fact]
    public void DedupMemoryIsBoundedByForgettingTheOldestHours()
    {
        using var dir = new TempDirectory();
        var lines = new StringBuilder();
        for (var hour = 0; hour < 10; hour++)
        {
            lines.Append(Record($"id-{hour}", time: $"2024-01-01T{hour:00}:00:00Z")).Append('\n');
        }

        lines.Append(Record("id-0", time: "2024-01-01T00:00:00Z")).Append('\n');
        lines.Append(Record("id-9", time: "2024-01-01T09:00:00Z")).Append('\n');
        var path = dir.Write("many.jsonl", lines.ToString());

        var reader = new EvidenceReader(new EvidenceReaderOptions { DedupCapacity = 5 });
        var events = reader.ReadEvents([path]).ToList();

        // id-0 was forgotten (oldest hour), so its late copy comes through; id-9 is still remembered.
        Assert.Equal(11, events.Count);
        Assert.Equal(1, reader.Report.Duplicates);
    }

    internal static string Record(string id, string name = "GetCallerIdentity", string time = "2024-01-01T00:00:00Z") =>
        $"{{\"eventVersion\":\"1.08\",\"eventTime\":\"{time}\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"{name}\",\"awsRegion\":\"us-east-1\",\"eventID\":\"{id}\"}}";

    private static ReadReport Read(params string[] paths)
    {
        var reader = new EvidenceReader();
        _ = reader.ReadEvents(paths).Count();
        return reader.Report;
    }
}
