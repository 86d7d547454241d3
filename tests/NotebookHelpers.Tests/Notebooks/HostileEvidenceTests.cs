using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Notebook 01, run on evidence whose attacker-controlled fields carry markup and script, renders all of it as text:
/// in the executed notebook's outputs and in the HTML report.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class HostileEvidenceTests : IClassFixture<HostileEvidenceTests.Run>
{
    // The analyst types the key, so it is checked before anything runs (AccessKeyIdParameter); the evidence is hostile.
    private const string HostileKey = "AKIAHOSTILE000000001";
    private readonly Run _run;

    public HostileEvidenceTests(Run run)
    {
        _run = run;
    }

    [Fact]
    public void TheNotebookRunsOnTheHostileEvidenceAndFindsItsThreeCalls()
    {
        Assert.Empty(_run.Result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        Assert.Contains(_run.Result.Document.Cells, c => NotebookFixture.Text(c, "text/html").Contains("3 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void NoHostileMarkupSurvivesInTheReport()
    {
        var page = _run.Report.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotMatch(LiveMarkup(), page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void NoHostileMarkupSurvivesInTheNotebookOutputs()
    {
        foreach (var cell in _run.Result.Document.Cells)
        {
            var html = NotebookFixture.Text(cell, "text/html").Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
            Assert.DoesNotMatch(LiveMarkup(), html);
        }
    }

    // Markup that would run or load something if the hostile strings were not encoded.
    [GeneratedRegex("<script>alert|<img src=x|<svg onload|\"><script|'><script", RegexOptions.IgnoreCase)]
    private static partial Regex LiveMarkup();

    public sealed class Run : IAsyncLifetime
    {
        private readonly TempDirectory _folder = new();

        public NotebookRunResult Result { get; private set; } = null!;

        public string Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var evidence = _folder.Write("hostile-trail/111122223333_CloudTrail_us-east-1_20250101T1000Z_hostile.json", new JsonObject
            {
                ["Records"] = new JsonArray(
                    Event("2025-01-01T10:00:00Z", "sts.amazonaws.com", "GetCallerIdentity", "<script>alert(1)</script>", null),
                    Event("2025-01-01T10:05:00Z", "iam.amazonaws.com", "</script><script>alert(2)</script>", "aws-cli/2.15", "AccessDenied<svg onload=alert(3)>"),
                    Event("2025-01-01T11:00:00Z", "iam.amazonaws.com", "CreateAccessKey", "\"><script>alert(4)</script>", null)),
            }.ToJsonString());
            var notebook = Path.Combine(RepositoryPaths.Notebooks, "01-access-key-activity.ipynb");
            var options = new NotebookRunOptions { Parameters = [new("AccessKeyId", HostileKey), new("Source", evidence)] };
            Result = await new NotebookRunner(options).RunAsync(await NotebookReader.ReadAsync(notebook));
            Report = HtmlReportWriter.Render(Result);
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }

        private static JsonObject Event(string time, string source, string name, string userAgent, string? errorCode)
        {
            var e = new JsonObject
            {
                ["eventVersion"] = "1.08",
                ["userIdentity"] = new JsonObject
                {
                    ["type"] = "IAMUser",
                    ["principalId"] = "AIDAEXAMPLE",
                    ["arn"] = "arn:aws:iam::111122223333:user/<img src=x onerror=alert(1)>",
                    ["accountId"] = "111122223333",
                    ["accessKeyId"] = HostileKey,
                    ["userName"] = "<img src=x onerror=alert(1)>",
                },
                ["eventTime"] = time,
                ["eventSource"] = source,
                ["eventName"] = name,
                ["awsRegion"] = "us-east-1",
                ["sourceIPAddress"] = "203.0.113.9<script>alert(6)</script>",
                ["userAgent"] = userAgent,
                ["requestParameters"] = new JsonObject { ["userName"] = "'><script>alert(5)</script>" },
                ["responseElements"] = name == "CreateAccessKey"
                    ? new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = "AKIA\"><script>alert(7)</script>", ["userName"] = "x" } }
                    : null,
                ["eventID"] = Guid.NewGuid().ToString(),
                ["readOnly"] = name == "GetCallerIdentity",
                ["eventType"] = "AwsApiCall",
                ["managementEvent"] = true,
                ["recipientAccountId"] = "111122223333",
            };
            if (errorCode is not null)
            {
                e["errorCode"] = errorCode;
                e["errorMessage"] = "User <b>x</b> is not authorized";
            }

            return e;
        }
    }
}
