using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// One byte that is not UTF-8 (a Latin-1 é) in one string field of one record: every command still reads every
/// event, the field reads with U+FFFD in place of the byte, and a notice names the file and the byte's offset.
/// </summary>
public sealed class InvalidUtf8Tests
{
    public static TheoryData<string> Fields() => ["userAgent", "userName", "errorMessage", "sourceIPAddress", "eventName"];

    [Fact]
    public void RepairReplacesEachInvalidSequenceAndKeepsValidTextUnchanged()
    {
        byte[] bad = [.. "caf"u8, 0xE9, .. " \u00e9t\u00e9 "u8.ToArray(), 0xF0, 0x9F];

        Assert.Equal(3, Utf8Repair.FirstInvalidByte(bad));
        Assert.Equal("caf\uFFFD \u00e9t\u00e9 \uFFFD", Encoding.UTF8.GetString(Utf8Repair.Repair(bad)));
        Assert.Equal(-1, Utf8Repair.FirstInvalidByte("\u00e9t\u00e9 \U0001F600"u8));
        Assert.Equal("\u00e9t\u00e9"u8.ToArray(), Utf8Repair.Repair("\u00e9t\u00e9"u8));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void TheEventModelReadsTheFieldWithAReplacementCharacter(string field)
    {
        var json = HostileRecords.WithLatin1Byte(HostileRecords.Record("2025-03-10T09:00:00Z", field, "caf\u00e9"), out _);

        var ev = CloudTrailEvent.FromRecord(new LogRecord(json, new EvidenceLocation("x.json")));

        var value = field switch
        {
            "userAgent" => ev.UserAgent,
            "userName" => ev.UserIdentity?.UserName,
            "errorMessage" => ev.ErrorMessage,
            "sourceIPAddress" => ev.SourceIPAddress,
            _ => ev.EventName,
        };
        Assert.Equal("caf\uFFFD", value);
        Assert.Equal("caf\uFFFD", ev.GetString(field == "userName" ? "userIdentity.userName" : field));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task EventsInvestigateAndReportReadEveryEventAndNameTheByte(string field)
    {
        using var dir = new TempDirectory();
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));
        var bytes = HostileRecords.WithLatin1Byte(Encoding.UTF8.GetBytes(
            "{\"Records\":[" + Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:30:00Z", field, "caf\u00e9", LeakedKeyScenario.LeakedKey)) + "]}"), out var offset);
        var path = dir.WriteBytes("evidence/latin1.json", bytes);
        var expected = LeakedKeyScenario.Build().Events.Count + 1;

        var events = await Cli.Run("events", evidence);
        var investigate = await Cli.Run("investigate", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey);
        var report = await Cli.Run("report", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey, "--out", Path.Combine(dir.Path, "report"), "--no-charts");

        Assert.Equal(0, events.Exit);
        Assert.Contains($"events: {expected}\n", events.Stderr, StringComparison.Ordinal);
        Assert.Contains($"notice: {path}@byte {offset}: invalid UTF-8 (byte 0xE9)", events.Stderr, StringComparison.Ordinal);
        if (field is "userName" or "sourceIPAddress" or "eventName")
        {
            Assert.Contains("caf\uFFFD", events.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(0, investigate.Exit);
        Assert.Contains($"{path}@byte {offset}: invalid UTF-8", investigate.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, report.Exit);
        Assert.True(File.Exists(Path.Combine(dir.Path, "report", "incident-report.html")), report.Stderr);
    }

    [Fact]
    public void TheReaderCountsTheNoticeAndLosesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("latin1.json", HostileRecords.WithLatin1Byte(Encoding.UTF8.GetBytes(
            "{\"Records\":[" + Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:30:00Z", "userAgent", "caf\u00e9")) + "]}"), out var offset));

        var (events, report) = EvidenceReader.ReadAll([path], new EvidenceReaderOptions { Strict = true });

        Assert.Equal("caf\uFFFD", Assert.Single(events).UserAgent);
        var notice = Assert.Single(report.Problems);
        Assert.Equal(ReadProblemKind.InvalidUtf8, notice.Kind);
        Assert.True(notice.IsNotice);
        Assert.Equal(offset, notice.Location.ByteOffset);
        Assert.Equal(0, report.Skipped);
    }
}
