using System.Text;
using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// Event times no CloudTrail event can have (0001-01-01, 9999-12-31, the Unix epoch, a week ahead) are set aside,
/// counted and named with their place: the report still renders its charts, and a 1970 event does not start the
/// region baseline in 1970.
/// </summary>
public sealed class ImplausibleTimeTests
{
    private static readonly string[] Times = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z"];

    [Fact]
    public void TheReaderSetsThemAsideAndNamesEach()
    {
        using var dir = new TempDirectory();
        var evidence = Evidence(dir);
        var future = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        dir.WriteBytes("evidence/future.json", Document([HostileRecords.Record(future, "awsRegion", "ap-east-1", LeakedKeyScenario.LeakedKey, "future")]));

        var (events, report) = EvidenceReader.ReadAll([evidence]);

        Assert.Equal(LeakedKeyScenario.Build().Events.Count, events.Count);
        var set = report.Problems.Where(p => p.Kind == ReadProblemKind.ImplausibleTime).ToList();
        Assert.Equal(4, set.Count);
        Assert.Contains(set, p => p.Reason.StartsWith("event time 0001-01-01T00:00:00Z is before CloudTrail existed", StringComparison.Ordinal));
        Assert.Contains(set, p => p.Reason.StartsWith("event time 9999-12-31T23:59:59Z is in the future", StringComparison.Ordinal));
        Assert.All(set, p => Assert.NotNull(p.Location.ByteOffset));
        Assert.Equal(4, report.Skipped);
    }

    [Fact]
    public async Task ReportAndInvestigateFinishWithCharts()
    {
        using var dir = new TempDirectory();
        var evidence = Evidence(dir);
        var outFolder = Path.Combine(dir.Path, "out");

        var report = await Cli.Run("report", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey, "--out", outFolder);
        var investigate = await Cli.Run("investigate", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey);

        Assert.Equal(0, report.Exit);
        Assert.Contains("event time 0001-01-01T00:00:00Z is before CloudTrail existed", report.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outFolder, "incident-report.html")), report.Stderr);
        Assert.Equal(0, investigate.Exit);
        Assert.Contains("1970-01-01T00:00:00Z", investigate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A1970EventDoesNotMultiplyRegionFirstActivity()
    {
        using var dir = new TempDirectory();
        var clean = Directory.CreateDirectory(Path.Combine(dir.Path, "clean")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(clean, "trail.json"));

        var expected = Findings(clean);
        var withEpoch = Findings(Evidence(dir));

        Assert.Equal(expected, withEpoch);
    }

    private static int Findings(string folder)
    {
        var (events, _) = EvidenceReader.ReadAll([folder]);
        return DetectionRunner.Run(events).Findings.Count(f => f.RuleId == "region-first-activity");
    }

    // The scenario, plus one record of the leaked key (in a region the scenario never uses) at each implausible time.
    private static string Evidence(TempDirectory dir)
    {
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "trail.json"));
        dir.WriteBytes("evidence/odd-times.json", Document([.. Times.Select((t, i) => HostileRecords.Record(t, "awsRegion", "sa-east-1", LeakedKeyScenario.LeakedKey, "odd-" + i))]));
        return evidence;
    }

    private static byte[] Document(IEnumerable<byte[]> records) =>
        Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records.Select(r => Encoding.UTF8.GetString(r))) + "]}");
}
