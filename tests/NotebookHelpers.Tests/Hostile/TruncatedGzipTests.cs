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

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.CorruptCompression, problem.Kind);
        Assert.Equal(path, problem.Location.Path);
        Assert.Contains("compressed", problem.Reason, StringComparison.Ordinal);
        Assert.InRange(events.Count, 0, cut is "trailer" or "last byte" ? Records : Records - 1);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => $"cut-{i}"), events.Select(e => e.EventID));
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
