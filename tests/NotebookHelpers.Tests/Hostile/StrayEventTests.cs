using System.Text;
using System.Text.Json;
using NotebookHelpers.Charts;
using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// One event of the key years before the incident, at a plausible time (2019: CloudTrail existed, so the reader keeps
/// it): the key-usage chart still draws, zoomed to the key's active window, and says the outlier is outside it; the
/// region baseline is not the outlier's lone region, so every later region is not "first activity".
/// </summary>
public sealed class StrayEventTests
{
    private const string Stray = "2019-06-01T12:00:00Z";

    [Fact]
    public void TheKeyUsageChartZoomsToTheActiveWindowAndNamesTheOutlier()
    {
        var incident = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var events = new List<KeyUsageEvent> { new(DateTimeOffset.Parse(Stray, System.Globalization.CultureInfo.InvariantCulture), null) };
        events.AddRange(Enumerable.Range(0, 20).Select(i => new KeyUsageEvent(incident.AddMinutes(i * 30), i % 3 == 0 ? "AccessDenied" : null)));

        var figure = KeyUsageChart.Create(events, new KeyUsageChartOptions { AccessKeyId = "AKIASTRAY" });

        using var json = JsonDocument.Parse(figure.ToJson());
        var x = json.RootElement.GetProperty("data")[0].GetProperty("x");
        Assert.Equal("2025-03-10 09:00:00", x[0].GetString());
        Assert.True(x.GetArrayLength() <= 12, $"{x.GetArrayLength()} hourly bars: the chart is not zoomed to the key's ten hours");
        Assert.Contains("1 call outside the chart", figure.Summary, StringComparison.Ordinal);
        Assert.Contains("2019-06-01T12:00Z", figure.Summary, StringComparison.Ordinal);
        Assert.StartsWith("AKIASTRAY: 20 calls", figure.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionFirstActivityIsNotMultipliedByALoneEarlyEvent()
    {
        using var dir = new TempDirectory();
        var clean = Directory.CreateDirectory(Path.Combine(dir.Path, "clean")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(clean, "trail.json"));
        var stray = Directory.CreateDirectory(Path.Combine(dir.Path, "stray")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(stray, "trail.json"));
        dir.WriteBytes("stray/2019.json", Encoding.UTF8.GetBytes(
            "{\"Records\":[" + Encoding.UTF8.GetString(HostileRecords.Record(Stray, "awsRegion", "sa-east-1", LeakedKeyScenario.LeakedKey, "stray")) + "]}"));

        var expected = RegionFindings(clean);
        var withStray = RegionFindings(stray);

        Assert.Equal(expected.Select(f => f.Summary), withStray.Select(f => f.Summary));
    }

    [Fact]
    public void EveryBaselineRuleForgetsWhatALoneEarlyEventTaughtIt()
    {
        // The attacker's own first call, years early: a rule that kept it as "known" would no longer see the attack's
        // GetCallerIdentity from that address as new.
        using var dir = new TempDirectory();
        var clean = Directory.CreateDirectory(Path.Combine(dir.Path, "clean")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(clean, "trail.json"));
        var stray = Directory.CreateDirectory(Path.Combine(dir.Path, "stray")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(stray, "trail.json"));
        var record = System.Text.Json.Nodes.JsonNode.Parse(HostileRecords.Record(Stray, "eventName", "GetCallerIdentity", LeakedKeyScenario.LeakedKey, "stray"))!;
        record["eventSource"] = "sts.amazonaws.com";
        record["sourceIPAddress"] = LeakedKeyScenario.AttackerIp;
        record["errorCode"] = null;
        record["errorMessage"] = null;
        dir.WriteBytes("stray/2019.json", Encoding.UTF8.GetBytes("{\"Records\":[" + record.ToJsonString() + "]}"));

        string[] baselineRules = ["recon-caller-identity-first-call", "region-first-activity", "console-login-without-mfa", "sts-cross-account-assume-role", "ec2-instance-credentials-used-externally"];
        var expected = Findings(clean, baselineRules);
        var withStray = Findings(stray, baselineRules);

        Assert.Contains(expected, f => f.RuleId == "recon-caller-identity-first-call");
        Assert.Equal(expected.Select(f => (f.RuleId, f.Severity, f.Summary)), withStray.Select(f => (f.RuleId, f.Severity, f.Summary)));
    }

    private static List<Finding> Findings(string folder, string[] ruleIds)
    {
        var (events, report) = EvidenceReader.ReadAll([folder]);
        Assert.Empty(report.Problems);
        return DetectionRunner.Run(events).Findings
            .Where(f => ruleIds.Contains(f.RuleId) && !f.Evidence.Any(e => e.EventId == "stray"))
            .ToList();
    }

    private static List<Finding> RegionFindings(string folder)
    {
        var (events, report) = EvidenceReader.ReadAll([folder]);
        Assert.Empty(report.Problems);
        return DetectionRunner.Run(events).Findings.Where(f => f.RuleId == "region-first-activity").ToList();
    }
}
