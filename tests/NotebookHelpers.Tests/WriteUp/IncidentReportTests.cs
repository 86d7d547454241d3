using System.Globalization;
using System.Text.Json;
using NotebookHelpers.Detections;
using NotebookHelpers.Tests.Charts;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>The incident report of the sample incident, checked against its answer key.</summary>
public sealed class IncidentReportTests : IClassFixture<InvestigatedSample>
{
    private readonly InvestigatedSample _sample;
    private readonly IncidentReport _report;

    public IncidentReportTests(InvestigatedSample sample)
    {
        _sample = sample;
        _report = IncidentReportBuilder.Build(sample.Investigator, [sample.Investigation], new IncidentReportOptions
        {
            Sources = ["sample"],
            Manifest = EvidenceManifest.Build([new EvidenceRoot("sample", InvestigatedSample.TrailPath)]),
        });
    }

    [Fact]
    public void SummaryNamesTheKeyItsOwnerTheFirstSuspiciousCallAndWhatIsStillOpen()
    {
        var summary = string.Join("\n", _report.Summary);

        Assert.Contains("Access key AKIA3NWPX4QHZRT7K2MD of svc-reporting (IAMUser, account 739154086213)", summary, StringComparison.Ordinal);
        Assert.Contains("used from 198.51.100.24 until the first suspicious call", summary, StringComparison.Ordinal);
        Assert.Contains("The first suspicious call was at 2025-03-11T09:16:05Z from 203.0.113.47", summary, StringComparison.Ordinal);
        Assert.Contains("in 17 regions (15 never used before)", summary, StringComparison.Ordinal);
        Assert.Contains("deactivated key AKIA3NWPX4QHZRT7K2MD by tom.becker", summary, StringComparison.Ordinal);
        Assert.Contains("Still open as far as the evidence shows: IAM user svc-backup-sync, access key AKIA3NWPX4QH6YBVJ5WE (user svc-backup-sync), console password of svc-backup-sync, 1 key pair, 6 security groups, 8 instances", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TimelineRunsFromTheKeysNormalUseThroughTheAttackToTheBackdoorConsoleSignIn()
    {
        var timeline = _report.Timeline;

        Assert.Equal(timeline.OrderBy(t => t.Time).Select(t => t.Time), timeline.Select(t => t.Time));
        Assert.Equal(("first use", At("2025-03-07T06:00:16Z")), (timeline[0].Kind, timeline[0].Time));
        Assert.Contains(timeline, t => t.Kind == "finding" && t.Title.EndsWith("Access key created for another user", StringComparison.Ordinal) && t.Time == At("2025-03-11T09:52:48Z"));
        Assert.Contains(timeline, t => t.Kind == "containment" && t.Title == "Access key deactivated" && t.Time == At("2025-03-11T11:58:41Z") && t.EventId == "1aba01c4-ffa6-46fe-aec8-bd561a39f1cc");
        Assert.Contains(timeline, t => t.Kind == "spawned key used" && t.Title.StartsWith("Console sign-in", StringComparison.Ordinal) && t.Time == At("2025-03-11T14:10:33Z"));
        Assert.Contains(timeline, t => t.Kind == "last call" && t.Detail.StartsWith("DescribeInstances from 192.0.2.77", StringComparison.Ordinal) && t.Time == At("2025-03-11T12:40:20Z"));
        Assert.DoesNotContain(timeline, t => t.Severity == Severity.Info);
    }

    [Fact]
    public void FindingsAreTheInvestigationsWithIdsSharedByEveryOutput()
    {
        Assert.Equal(_sample.Investigation.Findings.Count, _report.Findings.Count);
        Assert.Contains(_report.Findings, f => f.RuleId == "iam-access-key-for-other-user");
        Assert.Contains(_report.Findings, f => f.RuleId == "s3-data-access-burst" && f.EventCount == 264);
        var html = _report.ToHtmlPage();
        using var json = JsonDocument.Parse(_report.FindingsJson());
        foreach (var finding in _report.Findings)
        {
            var id = _report.FindingId(finding);
            Assert.Contains(">" + id + "<", html, StringComparison.Ordinal);
            Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == id && f.GetProperty("ruleId").GetString() == finding.RuleId);
            Assert.Contains("\r\n" + id + ",", _report.FindingsCsv(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AffectedResourcesHoldTheBackdoorAndTheEightRunningInstancesAsOpen()
    {
        var open = _report.AffectedResources.Where(a => a.NeedsAction).ToList();

        Assert.Contains(open, a => a.Kind == "IAM user" && a.Name == "svc-backup-sync" && a.ReachedBy == "created user ← AKIA3NWPX4QHZRT7K2MD");
        Assert.Contains(open, a => a.Kind == "access key" && a.Name.StartsWith(InvestigatedSample.BackdoorKey, StringComparison.Ordinal) && a.State.Contains("last call 2025-03-11T12:40:20Z", StringComparison.Ordinal));
        Assert.Contains(open, a => a.Kind == "console password");
        Assert.Equal(_sample.RunningInstances.Select(i => i.InstanceId).Order(StringComparer.Ordinal), open.Where(a => a.Kind == "instance").Select(a => a.Name.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(6, open.Count(a => a.Kind == "security group"));
        Assert.Contains(_report.AffectedResources, a => a.Kind == "session" && a.Name.StartsWith(InvestigatedSample.AttackerSession, StringComparison.Ordinal) && a.DuringAttack && !a.NeedsAction);
        Assert.Equal(5, _report.AffectedResources.Count(a => !a.DuringAttack));
    }

    [Fact]
    public void NextStepsCloseTheBackdoorAndRemoveTheMinersRegionByRegion()
    {
        var commands = _report.NextSteps.Select(s => s.Command).ToList();

        Assert.Contains("aws iam update-access-key --access-key-id AKIA3NWPX4QH6YBVJ5WE --status Inactive --user-name svc-backup-sync", commands);
        Assert.Contains("aws iam delete-login-profile --user-name svc-backup-sync", commands);
        Assert.Contains(commands, c => c.StartsWith("aws iam put-user-policy --user-name svc-backup-sync --policy-name", StringComparison.Ordinal));
        foreach (var region in _sample.RunningInstances.GroupBy(i => i.Region))
        {
            Assert.Contains($"aws ec2 terminate-instances --region {region.Key} --instance-ids {string.Join(' ', region.Select(i => i.InstanceId).Order(StringComparer.Ordinal))}", commands);
        }

        Assert.Equal(6, commands.Count(c => c.StartsWith("aws ec2 delete-key-pair --region ", StringComparison.Ordinal) && c.EndsWith(" --key-name bk-sync", StringComparison.Ordinal)));
        Assert.Contains(commands, c => c.StartsWith("aws iam put-role-policy --role-name analytics-readonly-xacct --policy-name AWSRevokeOlderSessions", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("AKIA3NWPX4QHZRT7K2MD", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionsTakenAreTheContainmentCloudTrailRecorded()
    {
        Assert.Collection(
            _report.ActionsTaken,
            a => Assert.StartsWith("AWS quarantine policy on user 'svc-reporting'", a.What, StringComparison.Ordinal),
            a => Assert.StartsWith("deactivated key AKIA3NWPX4QHZRT7K2MD by tom.becker", a.What, StringComparison.Ordinal),
            a => Assert.StartsWith("deny-all policy on user 'svc-reporting' by tom.becker", a.What, StringComparison.Ordinal));
        Assert.All(_report.ActionsTaken, a => Assert.Equal("CloudTrail", a.Source));
        Assert.Contains("no actions log in the evidence folder", _report.ToHtmlPage(), StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionnaireAnswersFromTheEvidenceWhereItCanAndAsksTheAnalystElsewhere()
    {
        var answers = _report.Questionnaire.ToDictionary(a => a.Question.Id);

        Assert.Equal(Enumerable.Range(1, 9), _report.Questionnaire.Select(a => a.Question.Number));
        Assert.Contains(answers["data-exfiltration"].Facts, f => f.Contains("GetObject ×264 on nw-prod-customer-exports, 1,104,600,940 bytes out", StringComparison.Ordinal));
        Assert.Equal(AnswerStatus.FromEvidence, answers["data-exfiltration"].Status);
        Assert.Contains(answers["guardrails"].Facts, f => f.StartsWith("No change to a logging, detection or policy guardrail succeeded", StringComparison.Ordinal));
        Assert.Contains(answers["guardrails"].Facts, f => f.Contains("StopLogging on org-trail failed (AccessDenied)", StringComparison.Ordinal));
        Assert.Contains(answers["configuration-changes"].Facts, f => f == "iam CreateUser ×1 (e.g. svc-backup-sync).");
        Assert.Contains(answers["configuration-changes"].Facts, f => f.StartsWith("ec2 RunInstances ×4", StringComparison.Ordinal));
        Assert.Contains(answers["insider-or-outsider"].Facts, f => f.Contains("203.0.113.47 (48 calls", StringComparison.Ordinal) && f.Contains("192.0.2.77", StringComparison.Ordinal) && f.Contains("203.0.113.199", StringComparison.Ordinal));
        Assert.Contains(answers["business-impact"].Facts, f => f.StartsWith("8 instances launched by the attacker", StringComparison.Ordinal));
        Assert.Contains(answers["related-alerts"].Facts, f => f.StartsWith("AWS attached its quarantine policy at 2025-03-11T11:34:19Z", StringComparison.Ordinal));
        foreach (var id in new[] { "data-classification", "insider-or-outsider", "business-impact" })
        {
            Assert.Equal(AnswerStatus.NeedsAnalystInput, answers[id].Status);
        }
    }

    [Fact]
    public void AnalystAnswersReplaceNeedsInputAndUnknownQuestionsAreRefused()
    {
        var report = IncidentReportBuilder.Build(_sample.Investigator, [_sample.Investigation], new IncidentReportOptions
        {
            AnalystAnswers = new Dictionary<string, string> { ["data-classification"] = "Confidential: customer PII", ["business-impact"] = "  " },
            IncludeCharts = false,
        });

        var answer = report.Questionnaire.Single(a => a.Question.Id == "data-classification");
        Assert.Equal((AnswerStatus.AnsweredByAnalyst, "Confidential: customer PII"), (answer.Status, answer.AnalystAnswer));
        Assert.Equal(AnswerStatus.NeedsAnalystInput, report.Questionnaire.Single(a => a.Question.Id == "business-impact").Status);
        Assert.Contains("<b>Analyst:</b> Confidential: customer PII", report.ToHtmlPage(), StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => IncidentReportBuilder.Build(_sample.Investigator, [_sample.Investigation], new IncidentReportOptions
        {
            AnalystAnswers = new Dictionary<string, string> { ["data-clasification"] = "typo" },
        }));
        Assert.Contains("'data-clasification' is not an impact question id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportNamesNoAbsolutePathAndNoExternalResource()
    {
        var files = new[] { _report.ToHtmlPage(), _report.FindingsJson(), _report.FindingsCsv(), _report.Options.Manifest!.ToJson() };

        foreach (var text in files)
        {
            Assert.DoesNotContain(Tests.Support.RepositoryPaths.RepositoryRoot, text, StringComparison.Ordinal);
        }

        // plotly.js itself (inlined once) holds URLs for map attributions it never fetches offline; the report around it holds none.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(files[0], "data-nbh-plotly="));
        var report = NotebookHelpers.Charts.PlotlyJs.RemoveLoaders(files[0], out _);
        Assert.DoesNotMatch("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", report);
        Assert.DoesNotContain("http", report, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", report, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(files[1]);
        var location = json.RootElement.GetProperty("findings")[0].GetProperty("evidence")[0].GetProperty("location").GetString()!;
        Assert.StartsWith("sample:AWSLogs/o-7pq2xk4m9d/", location, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestHashesEveryTrailFileInPathOrder()
    {
        var manifest = _report.Options.Manifest!;

        var counts = _sample.Key.GetProperty("counts");
        // Log objects, digests, and each digest's S3 metadata file (its signature).
        Assert.Equal(counts.GetProperty("trailObjects").GetInt32() + (2 * counts.GetProperty("digestFiles").GetInt32()), manifest.Files.Count);
        Assert.Equal(manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Path));
        var first = manifest.Files[0];
        var bytes = File.ReadAllBytes(Path.Combine(InvestigatedSample.TrailPath, first.Path));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal(bytes.Length, first.Size);
        Assert.All(manifest.Files, f => Assert.Null(f.ManifestCheck));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
