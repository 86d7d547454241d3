using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// A 300 KB user agent on the attacker's first call is quoted by findings (the GetCallerIdentity rule names the tool):
/// the HTML incident report shows it cut, with the full length stated, instead of embedding it once per mention.
/// findings.json, which is data, keeps it whole.
/// </summary>
public sealed partial class LongEvidenceTextTests
{
    [Fact]
    public async Task TheIncidentReportCutsAHugeUserAgentAndSaysHowLongItWas()
    {
        using var dir = new TempDirectory();
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "trail.json"));
        var agent = "scanner/" + new string('B', 300_000);
        var record = JsonNode.Parse(HostileRecords.Record("2025-03-10T10:30:00Z", "userAgent", agent, LeakedKeyScenario.LeakedKey, "huge-agent"))!;
        record["eventSource"] = "sts.amazonaws.com";
        record["eventName"] = "GetCallerIdentity";
        record["sourceIPAddress"] = "198.51.100.77";
        record.AsObject().Remove("errorCode");
        record.AsObject().Remove("errorMessage");
        dir.WriteBytes("evidence/huge.json", Encoding.UTF8.GetBytes("{\"Records\":[" + record.ToJsonString() + "]}"));
        var outFolder = Path.Combine(dir.Path, "out");

        var report = await Cli.Run("report", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey, "--out", outFolder);

        Assert.Equal(0, report.Exit);
        var html = await File.ReadAllTextAsync(Path.Combine(outFolder, "incident-report.html"));
        var json = await File.ReadAllTextAsync(Path.Combine(outFolder, "findings.json"));
        Assert.Contains(agent, json, StringComparison.Ordinal);
        Assert.Contains("scanner/BBBB", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(LongRun(), html);
        Assert.Matches(@"… \(cut: 300,\d{3} characters in all\)", html);
    }

    [GeneratedRegex("B{1001}")]
    private static partial Regex LongRun();
}
