using System.Text.Json;
using NotebookHelpers.Integrity;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>The incident case validates the trail copy it reads; the report, findings and manifest say what was found.</summary>
public sealed class IncidentCaseIntegrityTests
{
    private static readonly JsonElement AnswerKey =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json"))).RootElement.Clone();

    private static JsonElement Deleted => AnswerKey.GetProperty("trailTampering").GetProperty("deletedLogObjects")[0];

    [Fact]
    public async Task TheSampleCaseFindsTheDeletedLogObjectAndReportsItInEveryOutput()
    {
        var incident = await IncidentCase.OpenAsync("sample", "AKIA3NWPX4QHZRT7K2MD");
        var report = incident.Report(new IncidentReportOptions { IncludeCharts = false });
        var html = report.ToHtmlPage();
        using var manifest = JsonDocument.Parse(report.Options.Manifest!.ToJson());
        using var findings = JsonDocument.Parse(report.FindingsJson());

        var integrity = incident.Integrity!;
        var missing = Assert.Single(integrity.Problems);
        Assert.Equal((IntegrityStatus.Missing, Deleted.GetProperty("key").GetString()), (missing.Status, missing.Path));
        var finding = Assert.Single(incident.Detections.ForRule("cloudtrail-log-integrity-broken"));
        var id = report.FindingId(finding);
        Assert.Contains("<h2 id=\"integrity\">Evidence integrity</h2>", html, StringComparison.Ordinal);
        Assert.Contains(Deleted.GetProperty("key").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("finding(s) " + id, html, StringComparison.Ordinal);
        Assert.Contains(report.Summary, s => s.StartsWith("The trail copy is not what CloudTrail delivered: 1 log file missing.", StringComparison.Ordinal));
        Assert.Contains(findings.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == id && f.GetProperty("ruleId").GetString() == "cloudtrail-log-integrity-broken");
        var recorded = manifest.RootElement.GetProperty("integrity");
        Assert.Equal("sample:trail-s3", recorded.GetProperty("validated").GetString());
        Assert.Equal(AnswerKey.GetProperty("trailTampering").GetProperty("digestSigningKey").GetProperty("fingerprint").GetString(),
            recorded.GetProperty("publicKeys")[0].GetProperty("fingerprint").GetString());
        Assert.Equal("cloudtrail-public-keys.json", recorded.GetProperty("publicKeys")[0].GetProperty("source").GetString());
        Assert.Equal("missing", Assert.Single(recorded.GetProperty("problems").EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain(RepositoryPaths.RepositoryRoot, report.Options.Manifest.ToJson(), StringComparison.Ordinal);
        Assert.Contains("Trail integrity", incident.ToHtmlTable().Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task ACopyWithoutDigestsIsNotValidatedAndTheReportSaysSo()
    {
        var incident = await IncidentCase.OpenAsync("sample:cloudwatch-logs", "AKIA3NWPX4QHZRT7K2MD");
        var html = incident.Report(new IncidentReportOptions { IncludeCharts = false }).ToHtmlPage();

        Assert.Null(incident.Integrity);
        Assert.Empty(incident.Detections.ForRule("cloudtrail-log-integrity-broken"));
        Assert.Contains("No digest files were in the evidence", html, StringComparison.Ordinal);
    }
}
