using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Notebooks 02–07, run on a small incident whose attacker-controlled fields (user names, addresses, user agents,
/// event names, error codes, the created user and its key) carry markup and script: every output, every notebook
/// report and the write-up's incident report render all of it as text.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class InvestigationNotebooksHostileEvidenceTests(InvestigationNotebooksHostileEvidenceTests.Runs runs)
    : IClassFixture<InvestigationNotebooksHostileEvidenceTests.Runs>
{
    private const string Key = "AKIAHOSTILE000000001";
    private const string CreatedKey = "AKIAHOSTILECREATED01";

    public static TheoryData<string> Notebooks() =>
        ["02-contain.ipynb", "03-event-history.ipynb", "04-logs-insights.ipynb", "05-blast-radius.ipynb", "06-findings.ipynb", "07-write-up.ipynb"];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void RunsOnTheHostileEvidenceWithoutACellError(string notebook)
    {
        Assert.Empty(runs.Results[notebook].Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NoHostileMarkupSurvivesInTheOutputsOrTheReport(string notebook)
    {
        var report = runs.Reports[notebook].Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotMatch(LiveMarkup(), report);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", report, StringComparison.Ordinal);
        foreach (var cell in runs.Results[notebook].Document.Cells)
        {
            Assert.DoesNotMatch(LiveMarkup(), NotebookFixture.Text(cell, "text/html").Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheWrittenIncidentReportAndFindingsRenderTheHostileStringsInertly()
    {
        var html = File.ReadAllText(Path.Combine(runs.ReportFolder, "incident-report.html")).Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotMatch(LiveMarkup(), html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains(CreatedKey, html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script>alert|<img src=x|<svg onload|\"><script|'><script", RegexOptions.IgnoreCase)]
    private static partial Regex LiveMarkup();

    /// <summary>Writes the hostile trail and its Event History sweep, and runs each notebook on them once.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        private readonly TempDirectory _folder = new();

        public Dictionary<string, NotebookRunResult> Results { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Reports { get; } = new(StringComparer.Ordinal);

        public string ReportFolder => Path.Combine(_folder.Path, "report");

        public async Task InitializeAsync()
        {
            var scenario = Scenario();
            var trail = Path.Combine(_folder.Path, "trail", "111122223333_CloudTrail_us-east-1_20250101T1000Z_hostile.json");
            Directory.CreateDirectory(Path.GetDirectoryName(trail)!);
            scenario.WriteTrailFile(trail);
            var sweep = Path.Combine(_folder.Path, "event-history");
            await WriteSweepAsync(sweep, scenario);

            foreach (var notebook in Notebooks())
            {
                var parameters = new List<NotebookParameter> { new("AccessKeyId", Key), new("Source", notebook.StartsWith("03", StringComparison.Ordinal) ? sweep : trail) };
                parameters.AddRange(notebook[..2] switch
                {
                    "03" => [new NotebookParameter("CompareWith", trail)],
                    "04" => [new NotebookParameter("SuspiciousFrom", "2025-01-01T10:00:00Z")],
                    "07" => [new NotebookParameter("ReportFolder", ReportFolder), new NotebookParameter("Analyst", "<script>alert(8)</script>")],
                    _ => [],
                });
                var path = Path.Combine(RepositoryPaths.Notebooks, notebook);
                var result = await new NotebookRunner(new NotebookRunOptions { Parameters = parameters }).RunAsync(await NotebookHelpers.Notebooks.Documents.NotebookReader.ReadAsync(path));
                Results[notebook] = result;
                Reports[notebook] = HtmlReportWriter.Render(result);
            }
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }

        private static ScenarioEvents Scenario()
        {
            const string hostileUser = "<img src=x onerror=alert(1)>";
            const string createdUser = "'><script>alert(5)</script>";
            const string ip = "203.0.113.9<script>alert(6)</script>";
            var leaked = ScenarioEvents.IamUser(hostileUser, Key);
            var created = ScenarioEvents.IamUser(createdUser, CreatedKey);
            var s = new ScenarioEvents();
            s.Call("2025-01-01T09:00:00Z", leaked, "sts", "GetCallerIdentity", ip: "192.0.2.10", userAgent: "job/1.0");
            s.Call("2025-01-01T10:00:00Z", leaked, "sts", "GetCallerIdentity", ip: ip, userAgent: "\"><script>alert(4)</script>");
            s.Call("2025-01-01T10:01:00Z", leaked, "iam", "</script><script>alert(2)</script>", ip: ip, error: "AccessDenied<svg onload=alert(3)>");
            s.Call("2025-01-01T10:02:00Z", leaked, "iam", "CreateUser", new JsonObject { ["userName"] = createdUser },
                new JsonObject { ["user"] = new JsonObject { ["userName"] = createdUser, ["arn"] = $"arn:aws:iam::{ScenarioEvents.Account}:user/{createdUser}" } }, ip: ip);
            s.Call("2025-01-01T10:02:30Z", leaked, "iam", "AttachUserPolicy", new JsonObject { ["userName"] = createdUser, ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" }, ip: ip);
            s.Call("2025-01-01T10:03:00Z", leaked, "iam", "CreateAccessKey", new JsonObject { ["userName"] = createdUser },
                new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = CreatedKey, ["userName"] = createdUser, ["status"] = "Active" } }, ip: ip);
            s.Call("2025-01-01T10:03:30Z", leaked, "iam", "CreateLoginProfile", new JsonObject { ["userName"] = createdUser }, ip: ip);
            s.Call("2025-01-01T10:10:00Z", created, "ec2", "RunInstances",
                new JsonObject { ["instanceType"] = "p3.16xlarge<script>alert(9)</script>" }, error: "Client.UnauthorizedOperation", ip: ip, region: "ap-south-2");
            s.Call("2025-01-01T11:00:00Z", ScenarioEvents.IamUser("sec-admin", "AKIADEFENDER00000001"), "iam", "UpdateAccessKey",
                new JsonObject { ["userName"] = hostileUser, ["accessKeyId"] = Key, ["status"] = "Inactive" }, ip: "192.0.2.50");
            s.Call("2025-01-01T11:05:00Z", leaked, "s3", "ListBuckets", error: "AccessDenied", ip: ip);
            return s;
        }

        /// <summary>The key's calls as one saved LookupEvents page in nbh's evidence-folder layout, with its manifest.</summary>
        private static async Task WriteSweepAsync(string folder, ScenarioEvents scenario)
        {
            var events = new JsonArray(scenario.Events.Where(e => e.UserIdentity?.AccessKeyId == Key).Reverse().Select(e => (JsonNode)new JsonObject
            {
                ["EventId"] = e.EventID,
                ["EventName"] = e.EventName,
                ["EventTime"] = e.EventTime.ToUnixTimeSeconds(),
                ["EventSource"] = e.EventSource,
                ["CloudTrailEvent"] = e.ToJson(),
            }).ToArray());
            var page = Encoding.UTF8.GetBytes(new JsonObject { ["Events"] = events }.ToJsonString());
            await EvidenceDirectory.Open(folder).WriteAsync($"lookup/AccessKeyId={Key}/open--20250102T000000Z/us-east-1/page-0001.json", page, "test sweep");
        }
    }
}
