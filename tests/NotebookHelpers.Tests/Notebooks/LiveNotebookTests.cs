using System.Security.Cryptography;
using System.Text.Json;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// The notebooks' live parameters, end to end: each notebook with a live mode runs through <c>nbh run -p …</c> against
/// a loopback AWS account (<see cref="LiveAccount"/>, reached through AWS_ENDPOINT_URL with credentials from the
/// environment), and what the account received and what the executed notebooks show are checked. The runs happen once
/// for the class, in the order an analyst would make them: 00 given a live source, 01 on the log group and on Event
/// History, 02 as a dry run then executed, 03 on Event History compared with the trail bucket, 04 on the log group,
/// 07 on the trail bucket with the case's evidence folder (02's sweep and actions), 05 on the same bucket and folder,
/// 06 on the log group.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class LiveNotebookTests(LiveNotebookTests.Runs runs) : IClassFixture<LiveNotebookTests.Runs>
{
    private const string Cwl = "cwl:us-east-1:" + LiveAccount.LogGroup;
    private const string Lookup = "lookup:" + LiveAccount.LeakedKey;
    private const string TrailBucket = "s3://" + LiveAccount.Bucket;
    private const string SampleLeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    private static readonly string[] SampleAttackerIps = ["203.0.113.47", "192.0.2.77", "203.0.113.199"];
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse(LiveAccount.Start, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset End = DateTimeOffset.Parse(LiveAccount.End, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> RunNames() => new(Runs.Names);

    [Theory]
    [MemberData(nameof(RunNames))]
    public void EveryCellSucceedsAndEveryRequestIsSignedForTheLoopbackAccount(string name)
    {
        var run = runs[name];

        Assert.True(run.Outcome.ExitCode == 0, run.Outcome.Error);
        Assert.Contains("nbh run: 1 notebook, 1 succeeded, 0 failed", run.Outcome.Error, StringComparison.Ordinal);
        Assert.All(run.Notebook.Cells.Where(c => c.Source.Trim().Length > 0), c => Assert.NotNull(c.ExecutionCount));
        Assert.DoesNotContain("ERROR ", run.Notebook.Outputs, StringComparison.Ordinal);
        Assert.All(run.Requests, r => Assert.True(r.Signature.IsValid, $"{r}: {r.Signature.Problem}"));
        Assert.All(run.Requests, r => Assert.Equal(TestAws.AccessKeyId, SigV4Verifier.AccessKeyOf(r.Headers)));
        Assert.DoesNotContain(TestAws.SecretKey, run.Notebook.Outputs + run.Report + run.Outcome.Error, StringComparison.Ordinal);
        if (name != "02-execute")
        {
            Assert.All(run.Requests.Where(r => r.Service == "iam"), r => Assert.Matches("^(Get|List)", r.Operation));
        }
    }

    [Theory]
    [InlineData("01-cwl", LiveAccount.AttackerIp)]
    [InlineData("01-lookup", LiveAccount.AttackerIp)]
    [InlineData("02-dry-run", LiveAccount.AttackerIp)]
    [InlineData("03-lookup", LiveAccount.AttackerIp)]
    [InlineData("04-cwl", LiveAccount.AttackerIp)]
    [InlineData("05-s3", LiveAccount.AttackerIp)]
    [InlineData("06-cwl", "RunInstances in 3 regions: ap-southeast-2, eu-west-1, us-east-1")]
    [InlineData("07-s3", LiveAccount.AttackerIp)]
    public void OutputsShowTheLiveAccountAndNothingOfTheSample(string name, string onlyInTheLiveAccount)
    {
        var outputs = runs[name].Notebook.Outputs;

        Assert.Contains(onlyInTheLiveAccount, outputs, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleLeakedKey, outputs, StringComparison.Ordinal);
        Assert.All(SampleAttackerIps, ip => Assert.DoesNotContain(ip, outputs, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RunNames))]
    public void MarkupInTheLiveEvidenceIsShownAsTextInEveryHtmlOutputAndReport(string name)
    {
        var run = runs[name];

        Assert.DoesNotContain("<img src=x", run.Notebook.HtmlOutputs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", run.Report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheHostileUserAgentReachesTheTablesEncoded()
    {
        var activity = runs["01-cwl"].Notebook.CodeCell("ActivityByAccessKey");

        Assert.Contains(LiveAccount.HostileUserAgent, activity.Outputs, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", runs["01-cwl"].Notebook.HtmlOutputs, StringComparison.Ordinal);
    }

    [Fact]
    public void StartHereOnlyParsesALiveSourceAndSendsNothing()
    {
        var run = runs["00-lookup"];

        Assert.Empty(run.Requests);
        Assert.Contains($"[ok] Evidence source: CloudTrail Event History AccessKeyId={LiveAccount.LeakedKey}: a live source; not queried here", run.Notebook.CodeCell("SetupCheck").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyActivityRunsEveryQueryOnTheLogGroupWithTheKeyAndTheRange()
    {
        var run = runs["01-cwl"];
        var starts = run.Requests.Where(r => r.Operation == "StartQuery").ToList();

        Assert.All(run.Requests, r => Assert.Equal(("logs", "us-east-1"), (r.Service, r.Region)));
        // One query per cell that queries, and the check that the key appears in the evidence (one query when it does).
        Assert.Equal(run.Notebook.Cells.Count(c => c.Source.Contains("QueryAsync(", StringComparison.Ordinal)) + 1, starts.Count);
        Assert.Single(starts, s => s.Json.GetProperty("queryString").GetString()!.StartsWith($"filter userIdentity.accessKeyId = \"{LiveAccount.LeakedKey}\" or ", StringComparison.Ordinal));
        Assert.All(starts, s =>
        {
            Assert.Equal(LiveAccount.LogGroup, Assert.Single(s.Json.GetProperty("logGroupNames").EnumerateArray()).GetString());
            Assert.Equal(Start.ToUnixTimeSeconds(), s.Json.GetProperty("startTime").GetInt64());
            Assert.Equal(End.ToUnixTimeSeconds(), s.Json.GetProperty("endTime").GetInt64());
        });
        Assert.Contains(starts, s => s.Json.GetProperty("queryString").GetString()!.Contains($"userIdentity.accessKeyId = \"{LiveAccount.LeakedKey}\"", StringComparison.Ordinal));
        // Every query started is read back (the account answers Complete at once: polling has its own tests, and
        // a poll costs the runner's half-second wait per query).
        Assert.Equal(
            Enumerable.Range(1, starts.Count).Select(i => $"q-{i}"),
            run.Requests.Where(r => r.Operation == "GetQueryResults").Select(r => r.Json.GetProperty("queryId").GetString()));
        var activity = run.Notebook.CodeCell("ActivityByAccessKey").Outputs;
        Assert.Contains("<td>RunInstances</td>", activity, StringComparison.Ordinal);
        Assert.Contains($"<td>{LiveAccount.AttackerIp}</td>", activity, StringComparison.Ordinal);
        Assert.Contains($"Queries run: cwl:{LiveAccount.LogGroup} (us-east-1)", run.Notebook.CodeCell("EvidenceSession.OpenAsync").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainDryRunAsksIamReadOnlyQuestionsAndSendsNoMutatingCall()
    {
        var run = runs["02-dry-run"];
        var iam = run.Requests.Where(r => r.Service is "iam" or "sts").ToList();

        Assert.All(iam, r => Assert.True(r.Operation.StartsWith("Get", StringComparison.Ordinal) || r.Operation.StartsWith("List", StringComparison.Ordinal), r.ToString()));
        Assert.Equal(LiveAccount.LeakedKey, iam.Single(r => r.Operation == "GetAccessKeyInfo").Form["AccessKeyId"]);
        Assert.Equal(LiveAccount.LeakedKey, iam.Single(r => r.Operation == "GetAccessKeyLastUsed").Form["AccessKeyId"]);
        Assert.Equal(LiveAccount.UserName, iam.Single(r => r.Operation == "ListAccessKeys").Form["UserName"]);
        Assert.Contains("DRY RUN: nothing was sent", run.Notebook.CodeCell("plan.RunAsync").Outputs, StringComparison.Ordinal);
        // What only IAM knows: the user's second key and its console password, which adds the password step.
        Assert.Contains("AKIASECONDKEY0000002", run.Notebook.CodeCell("LiveCredentialLookup").Outputs, StringComparison.Ordinal);
        Assert.Contains("aws iam delete-login-profile --user-name ci-deploy", run.Notebook.CodeCell("ContainmentPlan.For").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainExecutedSendsExactlyTheDocumentedCallsAndRecordsThem()
    {
        var run = runs["02-execute"];
        var mutating = run.Requests.Where(r => r.Service == "iam" && !r.Operation.StartsWith("Get", StringComparison.Ordinal) && !r.Operation.StartsWith("List", StringComparison.Ordinal)).ToList();

        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], mutating.Select(r => r.Operation));
        Assert.Equal(LiveAccount.LeakedKey, mutating[0].Form["AccessKeyId"]);
        Assert.Equal("Inactive", mutating[0].Form["Status"]);
        Assert.Equal(LiveAccount.UserName, mutating[0].Form["UserName"]);
        Assert.All(mutating.Skip(1), r => Assert.Equal(LiveAccount.UserName, r.Form["UserName"]));
        Assert.DoesNotContain(run.Requests, r => r.Operation is "DeleteAccessKey" or "DeleteUser" or "DetachUserPolicy");
        Assert.Contains("Executed 3 calls as arn:aws:iam::111122223333:user/ir-analyst", run.Notebook.CodeCell("plan.RunAsync").Outputs, StringComparison.Ordinal);
        var actions = File.ReadAllLines(Path.Combine(runs.CaseEvidence, EvidenceDirectory.ActionsFileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], actions.Select(a => a.GetProperty("operation").GetString()));
        Assert.All(actions, a => Assert.Equal("succeeded", a.GetProperty("outcome").GetString()));
        // Earlier runs saved the sweep in the same folder: this one asks again only for the region it could not read.
        Assert.Equal([LiveAccount.DeniedRegion], run.Requests.Where(r => r.Operation == "LookupEvents").Select(r => r.Region));
    }

    [Fact]
    public void EventHistorySweepPagesThroughEveryEnabledRegionForTheKeyAndTheRange()
    {
        var run = runs["03-lookup"];
        var lookups = run.Requests.Where(r => r.Operation == "LookupEvents").ToList();

        Assert.Single(run.Requests, r => r.Operation == "DescribeRegions");
        foreach (var (region, pages) in LiveAccount.Pages)
        {
            var inRegion = lookups.Where(r => r.Region == region).ToList();
            Assert.Equal(pages, inRegion.Count);
            Assert.Equal(
                Enumerable.Range(0, pages).Select(i => i == 0 ? null : Aws.Support.FakeEventHistory.Token(region, i)),
                inRegion.Select(r => r.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null));
        }

        Assert.Single(lookups, r => r.Region == LiveAccount.DeniedRegion);
        Assert.All(lookups, r =>
        {
            var attribute = Assert.Single(r.Json.GetProperty("LookupAttributes").EnumerateArray());
            Assert.Equal("AccessKeyId", attribute.GetProperty("AttributeKey").GetString());
            Assert.Equal(LiveAccount.LeakedKey, attribute.GetProperty("AttributeValue").GetString());
            Assert.Equal(Start.ToUnixTimeSeconds(), r.Json.GetProperty("StartTime").GetInt64());
            Assert.Equal(End.ToUnixTimeSeconds(), r.Json.GetProperty("EndTime").GetInt64());
        });
        var coverage = run.Notebook.CodeCell("EventHistoryCoverage.From").Outputs;
        Assert.All(LiveAccount.Pages.Keys, region => Assert.Contains($"<td>{region}</td>", coverage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("03-lookup", "EventHistoryCoverage.From")]
    [InlineData("02-dry-run", "IncidentCase.OpenAsync")]
    [InlineData("01-lookup", "EvidenceSession.OpenAsync")]
    public void ARegionTheSweepCouldNotReadIsNamedAsIncompleteWithTheErrorAndItsProgressIsNoWarning(string name, string cell)
    {
        var outputs = runs[name].Notebook.CodeCell(cell).Outputs;

        Assert.Contains($"INCOMPLETE: {LiveAccount.DeniedRegion}: cloudtrail:LookupEvents in {LiveAccount.DeniedRegion}: AccessDeniedException", outputs, StringComparison.Ordinal);
        Assert.DoesNotContain("warning: us-east-1", outputs, StringComparison.Ordinal);
        Assert.DoesNotContain(": page 1", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrailBucketFetchThatWorkedRaisesNoWarning()
    {
        var outputs = runs["07-s3"].Notebook.CodeCell("IncidentCase.OpenAsync").Outputs;

        Assert.Contains("Read problems     0", outputs, StringComparison.Ordinal);
        Assert.DoesNotContain("warning: ", outputs, StringComparison.Ordinal);
        Assert.DoesNotContain("downloaded", outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void EventHistorySweepSavesEveryPageInTheEvidenceFolderWithItsManifest()
    {
        var manifest = File.ReadAllLines(Path.Combine(runs.SweepEvidence, EvidenceDirectory.ManifestFileName))
            .Select(l => JsonSerializer.Deserialize<ManifestEntry>(l)!).ToList();

        var pages = manifest.Where(e => e.Source.Contains("LookupEvents", StringComparison.Ordinal)).ToList();
        Assert.Equal(LiveAccount.Pages.Values.Sum(), pages.Count);
        Assert.All(pages, entry =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(runs.SweepEvidence, entry.Path));
            Assert.Equal(entry.Size, bytes.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), entry.Sha256);
        });
    }

    [Fact]
    public void EventHistoryComparedWithTheTrailBucketShowsTheDataEventOnlyTheTrailHolds()
    {
        var run = runs["03-lookup"];
        var comparison = run.Notebook.CodeCell("EventHistoryCoverage.Compare").Outputs;

        Assert.Equal(LiveAccount.TrailObjectKeys, ObjectsFetched(run).Order(StringComparer.Ordinal));
        Assert.Contains("In the trail but not in Event History: 1 calls", comparison, StringComparison.Ordinal);
        Assert.Contains("data event: Event History never records them", comparison, StringComparison.Ordinal);
        Assert.Contains("GetObject ×1", comparison, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingsWithoutAKeyInvestigateTheKeyTheTrailsLogGroupPointsAt()
    {
        var run = runs["06-cwl"];
        var findings = run.Notebook.CodeCell("incident.Findings(minimum)").Outputs;

        Assert.Contains($"1 finding(s) of low severity or more on {LiveAccount.LeakedKey}", findings, StringComparison.Ordinal);
        Assert.Contains("<code>ec2-multi-region-launch</code>", findings, StringComparison.Ordinal);
        var start = Assert.Single(run.Requests, r => r.Operation == "StartQuery");
        Assert.Equal(Sources.CloudWatchLogsEvidenceSource.EventsQuery, start.Json.GetProperty("queryString").GetString());
        Assert.Equal(LiveAccount.LogGroup, start.Json.GetProperty("logGroupNames")[0].GetString());
    }

    [Fact]
    public void BlastRadiusOnTheSameFolderListsTheBucketAgainButDownloadsNothingTwice()
    {
        var run = runs["05-s3"];

        Assert.Contains(run.Requests, r => r.Service == "s3" && r.RawTarget.Contains("list-type=2", StringComparison.Ordinal));
        Assert.Empty(ObjectsFetched(run));
        Assert.Contains("[key] " + LiveAccount.LeakedKey, run.Notebook.CodeCell("BlastRadius").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsInsightsPivotsOnTheAddressesTheLiveServiceReturned()
    {
        var run = runs["04-cwl"];

        Assert.Contains("pivot on: " + LiveAccount.AttackerIp, run.Notebook.CodeCell("attackerIps").Outputs, StringComparison.Ordinal);
        Assert.Contains(run.Requests, r => r.Operation == "StartQuery"
            && r.Json.GetProperty("queryString").GetString()!.Contains($"sourceIPAddress in [\"{LiveAccount.AttackerIp}\"]", StringComparison.Ordinal));
        Assert.Contains($"<td>{LiveAccount.LeakedKey}</td>", run.Notebook.CodeCell("fromAttackerQuery").Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteUpFetchesTheTrailBucketAndReportsTheFilesAndTheExecutedContainment()
    {
        var run = runs["07-s3"];

        Assert.All(run.Requests, r => Assert.Equal("s3", r.Service));
        Assert.Equal(LiveAccount.TrailObjectKeys, ObjectsFetched(run).Order(StringComparer.Ordinal));
        var manifest = File.ReadAllText(Path.Combine(runs.ReportFolder, "evidence-manifest.json"));
        var saved = File.ReadAllLines(Path.Combine(runs.CaseEvidence, EvidenceDirectory.ManifestFileName))
            .Select(l => JsonSerializer.Deserialize<ManifestEntry>(l)!).Where(e => e.Path.EndsWith(".json.gz", StringComparison.Ordinal)).ToList();
        Assert.Equal(LiveAccount.TrailObjectKeys.Count, saved.Count);
        Assert.All(saved, e => Assert.Contains(e.Sha256, manifest, StringComparison.Ordinal));
        Assert.Contains("\"ec2-multi-region-launch\"", File.ReadAllText(Path.Combine(runs.ReportFolder, "findings.json")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(runs.ReportFolder, "incident-report.html"));
        Assert.Contains("UpdateAccessKey", html, StringComparison.Ordinal);
        Assert.Contains("ir-analyst", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> ObjectsFetched(Run run) =>
        run.Requests.Where(r => r.Service == "s3" && r.Method == "GET" && !r.RawTarget.Contains('?', StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.RawTarget[(LiveAccount.Bucket.Length + 2)..]));

    /// <summary>The loopback account and every live run, made once for the class.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        public static readonly string[] Names = ["00-lookup", "01-cwl", "01-lookup", "02-dry-run", "02-execute", "03-lookup", "04-cwl", "07-s3", "05-s3", "06-cwl"];

        private readonly TempDirectory _folder = new();
        private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);
        private LiveAccount? _account;
        private EnvironmentScope? _environment;

        public Run this[string name] => _runs[name];

        /// <summary>The evidence folder of the case: 02's sweep and actions, then 07's trail objects.</summary>
        public string CaseEvidence => Path.Combine(_folder.Path, "case-evidence");

        /// <summary>03's own evidence folder, so its manifest holds only the sweep.</summary>
        public string SweepEvidence => Path.Combine(_folder.Path, "sweep-evidence");

        public string ReportFolder => Path.Combine(_folder.Path, "incident-report");

        public async Task InitializeAsync()
        {
            _account = await LiveAccount.StartAsync();
            _environment = EnvironmentScope.ForServer(_account.Server);
            string[] range = ["Start=" + LiveAccount.Start, "End=" + LiveAccount.End];
            await RunAsync("00-lookup", "00-start-here", ["Source=" + Lookup]);
            await RunAsync("01-cwl", "01-access-key-activity", ["Source=" + Cwl, "AccessKeyId=" + LiveAccount.LeakedKey, .. range]);
            await RunAsync("01-lookup", "01-access-key-activity", ["Source=" + Lookup, "AccessKeyId=" + LiveAccount.LeakedKey, "EvidenceFolder=" + CaseEvidence, .. range]);
            string[] contain = ["Source=" + Lookup, "AccessKeyId=" + LiveAccount.LeakedKey, "Live=true", "EvidenceFolder=" + CaseEvidence, .. range];
            await RunAsync("02-dry-run", "02-contain", [.. contain]);
            await RunAsync("02-execute", "02-contain", [.. contain, "Execute=true"]);
            await RunAsync("03-lookup", "03-event-history", ["Source=" + Lookup, "AccessKeyId=" + LiveAccount.LeakedKey, "EvidenceFolder=" + SweepEvidence, "CompareWith=" + TrailBucket, .. range]);
            await RunAsync("04-cwl", "04-logs-insights", ["Source=" + Cwl, "AccessKeyId=" + LiveAccount.LeakedKey, "SuspiciousFrom=" + LiveAccount.Start, .. range]);
            await RunAsync("07-s3", "07-write-up", ["Source=" + TrailBucket, "AccessKeyId=" + LiveAccount.LeakedKey, "EvidenceFolder=" + CaseEvidence, "ReportFolder=" + ReportFolder, "Analyst=ir-analyst", .. range]);
            await RunAsync("05-s3", "05-blast-radius", ["Source=" + TrailBucket, "AccessKeyId=" + LiveAccount.LeakedKey, "EvidenceFolder=" + CaseEvidence, .. range]);
            await RunAsync("06-cwl", "06-findings", ["Source=" + Cwl, .. range]);
        }

        public async Task DisposeAsync()
        {
            _environment?.Dispose();
            if (_account is not null)
            {
                await _account.DisposeAsync();
            }

            // Evidence files are made read-only when saved.
            foreach (var file in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            _folder.Dispose();
        }

        private async Task RunAsync(string name, string notebook, string[] parameters)
        {
            var before = _account!.Server.Requests.Count;
            var output = Path.Combine(_folder.Path, "out-" + name);
            var args = new List<string> { "run", Path.Combine(RepositoryPaths.Notebooks, notebook + ".ipynb"), "--out", output };
            foreach (var parameter in parameters)
            {
                args.AddRange(["-p", parameter]);
            }

            var outcome = await CliRun.RunAsync([.. args]);
            var executed = Path.Combine(output, notebook + ".ipynb");
            _runs[name] = new Run(
                outcome,
                File.Exists(executed) ? ExecutedNotebook.Read(executed) : throw new InvalidOperationException($"{name}: no executed notebook; {outcome.Error}"),
                File.ReadAllText(Path.Combine(output, notebook + ".html")),
                [.. _account.Server.Requests.Skip(before)]);
        }
    }

    /// <summary>One <c>nbh run</c>: its outcome, the executed notebook, the report and the requests the account received.</summary>
    public sealed record Run(CliRun.Outcome Outcome, ExecutedNotebook Notebook, string Report, IReadOnlyList<RecordedRequest> Requests);
}
