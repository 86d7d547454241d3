using System.IO.Compression;
using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// A CloudTrail gzip object cut short (a download stopped, a disk full) is damaged compression, whatever the place
/// of the cut: it is reported as CorruptCompression naming the file, never as truncated JSON (which would send the
/// analyst looking for a bad record) or an empty file, and every record decompressed before the cut is kept.
/// </summary>
public sealed class TruncatedGzipTests
{
    private const int Records = 400;

    public static TheoryData<string> Cuts() => ["header", "quarter", "half", "trailer", "last byte"];

    [Theory]
    [MemberData(nameof(Cuts))]
    public void AGzipCutAnywhereIsCorruptCompression(string cut)
    {
        using var dir = new TempDirectory();
        var whole = Gzip(Document());
        var length = cut switch
        {
            "header" => 6,
            "quarter" => whole.Length / 4,
            "half" => whole.Length / 2,
            "trailer" => whole.Length - 8,
            _ => whole.Length - 1,
        };
        var path = dir.WriteBytes("111122223333_CloudTrail_us-east-1_20250310T0900Z_cut.json.gz", whole[..length]);

        var (events, report) = EvidenceReader.ReadAll([path]);

        AssertCorruptCompression(path, events, report);
        Assert.InRange(events.Count, 0, cut is "trailer" or "last byte" ? Records : Records - 1);
    }

    // cat a.gz b.gz c.gz: RFC 1952 allows a file of several members, and it reads as their data joined.
    [Fact]
    public void SeveralConcatenatedMembersReadWholeWithoutANotice()
    {
        using var dir = new TempDirectory();
        var members = Members();
        var path = dir.WriteBytes("111122223333_CloudTrail_us-east-1_20250310T0900Z_cat.json.gz", [.. members.SelectMany(m => m)]);

        var (events, report) = EvidenceReader.ReadAll([path]);

        Assert.Empty(report.Problems);
        Assert.Equal(Enumerable.Range(0, Records).Select(i => $"cut-{i}"), events.Select(e => e.EventID));
    }

    // A later member cut short or damaged is still damaged compression, named by the file and where that member starts.
    [Theory]
    [InlineData("cut in header")]
    [InlineData("cut in half")]
    [InlineData("cut in trailer")]
    [InlineData("cut last byte")]
    [InlineData("middle member's CRC")]
    [InlineData("middle member's size")]
    [InlineData("middle member's data")]
    [InlineData("last member's CRC")]
    public void ALaterMemberCutOrDamagedIsCorruptCompression(string damage)
    {
        using var dir = new TempDirectory();
        var members = Members();
        var bytes = members.SelectMany(m => m).ToArray();
        var middle = members[0].Length;
        var last = middle + members[1].Length;
        switch (damage)
        {
            case "cut in header": bytes = bytes[..(last + 5)]; break;
            case "cut in half": bytes = bytes[..(last + (members[2].Length / 2))]; break;
            case "cut in trailer": bytes = bytes[..^4]; break;
            case "cut last byte": bytes = bytes[..^1]; break;
            case "middle member's CRC": bytes[last - 7] ^= 0x40; break;
            case "middle member's size": bytes[last - 4] ^= 0x01; break;
            case "middle member's data": bytes[middle + (members[1].Length / 2)] ^= 0x55; break;
            default: bytes[^6] ^= 0x40; break;
        }

        var path = dir.WriteBytes("111122223333_CloudTrail_us-east-1_20250310T0900Z_cat.json.gz", bytes);

        var (events, report) = EvidenceReader.ReadAll([path]);

        var problem = AssertCorruptCompression(path, events, report);
        if (damage.StartsWith("cut", StringComparison.Ordinal))
        {
            Assert.Contains($"gzip member 3 that starts at compressed byte {last.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}", problem.Reason, StringComparison.Ordinal);
        }
    }

    // One problem, damaged compression naming the file, and the records before the damage kept in order.
    private static ReadProblem AssertCorruptCompression(string path, IReadOnlyList<NotebookHelpers.Events.CloudTrailEvent> events, ReadReport report)
    {
        var problem = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.CorruptCompression, problem.Kind);
        Assert.Equal(path, problem.Location.Path);
        Assert.Contains("compressed", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => $"cut-{i}"), events.Select(e => e.EventID));
        return problem;
    }

    // The document in three gzip members, split at arbitrary byte offsets (a member may end inside a record).
    private static byte[][] Members()
    {
        var document = Document();
        int[] splits = [0, document.Length / 3, (document.Length / 3) + 4097, document.Length];
        return [.. splits.Zip(splits.Skip(1)).Select(s => Gzip(document[s.First..s.Second]))];
    }

    private static byte[] Document()
    {
        var records = Enumerable.Range(0, Records).Select(i => Encoding.UTF8.GetString(
            HostileRecords.Record($"2025-03-10T09:{i / 60 % 60:00}:{i % 60:00}Z", "userAgent", $"agent-{i}-{Guid.NewGuid()}", eventId: $"cut-{i}")));
        return Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}");
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
