using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>A file saved with two UTF-8 byte order marks, or as UTF-32, is read and the notice names it.</summary>
public sealed class ByteOrderMarkTests
{
    [Theory]
    [InlineData("double-bom", "2 UTF-8 byte order marks in a row were skipped")]
    [InlineData("utf-32le", "UTF-32 little-endian text was transcoded to UTF-8")]
    [InlineData("utf-32be", "UTF-32 big-endian text was transcoded to UTF-8")]
    public void IsReadWithANoticeNamingTheFile(string kind, string notice)
    {
        using var dir = new TempDirectory();
        var json = "{\"Records\":[" + Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:00:00Z", "userAgent", "caf\u00e9")) + "]}";
        byte[] bytes = kind switch
        {
            "double-bom" => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)],
            "utf-32le" => [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes(json)],
            _ => [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, false).GetBytes(json)],
        };
        var path = dir.WriteBytes(Path.Combine("evidence", kind + ".json"), bytes);

        var (events, report) = EvidenceReader.ReadAll([Path.GetDirectoryName(path)!]);

        Assert.Equal("caf\u00e9", Assert.Single(events).UserAgent);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.ByteOrderMark, problem.Kind);
        Assert.Equal(path, problem.Location.Path);
        Assert.StartsWith(notice, problem.Reason, StringComparison.Ordinal);
    }
}
