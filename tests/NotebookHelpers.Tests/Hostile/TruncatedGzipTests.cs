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

    // Valid concatenations that a boundary found by scanning for headers misread: an empty member (its trailer, all
    // zeros, matches the start of every member), a later member equal to the start of an earlier one, many members.
    public static TheoryData<string> Concatenations() =>
        ["empty in the middle", "empty first", "empty last", "every fifth of 3,000 empty", "later equals an earlier one's start", "the same twice"];

    [Theory]
    [MemberData(nameof(Concatenations))]
    public void EveryValidConcatenationReadsWhole(string shape)
    {
        var x = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("x", 10)));
        var y = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("y", 10)));
        var line = Encoding.ASCII.GetBytes("{\"eventID\":\"same line\"}\n");
        byte[][] parts = shape switch
        {
            "empty in the middle" => [x, [], y],
            "empty first" => [[], x, y],
            "empty last" => [x, y, []],
            "every fifth of 3,000 empty" => [.. Enumerable.Range(0, 3000).Select(i => i % 5 == 4 ? [] : Encoding.ASCII.GetBytes($"member {i};"))],
            "later equals an earlier one's start" => [[.. line, .. line, .. line], line, Encoding.ASCII.GetBytes("end")],
            _ => [x, x],
        };

        AssertReadsWhole(parts, parts.Select(p => Gzip(p)));
    }

    // The reviewer's files, made by Python's gzip (whose deflate bytes differ from .NET's), with the length Python
    // decompresses each to; the content is what GZipStream, which does not check trailers, reads from a whole file.
    [Theory]
    [InlineData("1f8b0800000000000203030000000000000000001f8b08000000000002034b492c49040063f3f3ad04000000", 4)]
    [InlineData("1f8b08000000000002034b492c49040063f3f3ad040000001f8b080000000000020303000000000000000000", 4)]
    [InlineData("1f8b0800000000000203cb48cdc9c95728cf2fca49d15128c9c82c5600a29cccbc5485fcbc54ae0c0a6401de5779705a0000001f8b0800000000000203cb48cdc9c95728cf2fca49d15128c9c82c5600a29cccbc5485fcbc542e00157d2c7d1e0000001f8b08000000000002034bcd4be10200ba79b18e04000000", 124)]
    [InlineData("1f8b080000000000020373748400000a1cb779080000001f8b0800000000000203737474740400f1080d9b04000000", 12)]
    [InlineData("1f8b08000000000002034b4c4a4e1c45c4210084b8c4d02c0100001f8b08000000000002034b4c4a4e1c45c4210084b8c4d02c010000", 600)]
    [InlineData("1f8b0800000000000203aba88001007747df8e0a0000001f8b0800000000000203030000000000000000001f8b0800000000000203abac840100b0c5e53d0a000000", 20)]
    public void PythonMadeConcatenationsReadWhole(string hex, int length)
    {
        var file = Convert.FromHexString(hex);
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress))
        {
            gzip.CopyTo(plain);
        }

        Assert.Equal(length, plain.Length);
        AssertReadsWhole([plain.ToArray()], [file]);
    }

    // 1,000 members of random sizes, a tenth of them empty, some longer than a read of the compressed input.
    [Fact]
    public void AThousandRandomMembersReadWhole()
    {
        var random = new Random(16);
        var parts = Enumerable.Range(0, 1000).Select(_ =>
        {
            var size = random.Next(10) switch { 0 => 0, 1 => random.Next(1, 100_000), _ => random.Next(1, 3000) };
            var bytes = new byte[size];
            for (var i = 0; i < size; i++)
            {
                // Half text, half random bytes: some members compress, some are stored.
                bytes[i] = (byte)(random.Next(2) == 0 ? 'a' + (i % 7) : random.Next(256));
            }

            return bytes;
        }).ToArray();

        AssertReadsWhole(parts, parts.Select(p => Gzip(p)));
    }

    // A member whose last byte falls on either side of, or at, the edge of a 64 KB read of the compressed input.
    [Theory]
    [InlineData(-11)]
    [InlineData(-9)]
    [InlineData(-8)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void AMemberEndingAtAReadEdgeReadsWhole(int fromEdge)
    {
        var random = new Random(fromEdge + 100);
        var size = 65_000;
        byte[] first;
        byte[] firstGzip;
        while (true)
        {
            first = new byte[size];
            random.NextBytes(first);
            firstGzip = Gzip(first, CompressionLevel.NoCompression);
            var off = (1 << 16) + fromEdge - firstGzip.Length;
            if (off == 0)
            {
                break;
            }

            size += off;
        }

        byte[][] parts = [first, [], Encoding.ASCII.GetBytes("after the edge"), []];
        AssertReadsWhole(parts, [firstGzip, .. parts.Skip(1).Select(p => Gzip(p))]);
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

    // Reads the concatenated members through the checked stream, with reads of several sizes, and through the
    // uncompressed-content digest, and compares both with the parts joined.
    private static void AssertReadsWhole(byte[][] parts, IEnumerable<byte[]> members)
    {
        byte[] expected = [.. parts.SelectMany(p => p)];
        byte[] file = [.. members.SelectMany(m => m)];
        foreach (var readSize in new[] { 1 << 16, 8191, 7 })
        {
            using var gzip = new CheckedGzipStream(new MemoryStream(file));
            using var output = new MemoryStream();
            var buffer = new byte[readSize];
            int n;
            while ((n = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }

            Assert.True(expected.AsSpan().SequenceEqual(output.ToArray()), $"read in {readSize}-byte reads: {output.Length:N0} bytes, expected {expected.Length:N0}");
        }

        using var dir = new TempDirectory();
        var path = dir.WriteBytes("members.gz", file);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected)), NotebookHelpers.Integrity.UncompressedContent.Sha256Hex(path));
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

    private static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
