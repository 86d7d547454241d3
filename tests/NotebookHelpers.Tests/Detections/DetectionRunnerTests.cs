using System.Text.Json.Nodes;
using NotebookHelpers.Detections;
using NotebookHelpers.Detections.Rules;
using NotebookHelpers.Tests.Investigation;

namespace NotebookHelpers.Tests.Detections;

public sealed class DetectionRunnerTests
{
    [Fact]
    public void FindingsAreTheSameWhateverOrderTheEventsArrive()
    {
        var events = LeakedKeyScenario.Build().Events;

        var a = DetectionRunner.Run(events);
        var b = DetectionRunner.Run(events.Reverse().ToList());

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.Findings.Select(f => f.Evidence.Select(e => e.EventId)).SelectMany(x => x), b.Findings.Select(f => f.Evidence.Select(e => e.EventId)).SelectMany(x => x));
    }

    [Fact]
    public void CloseMatchesOfOneRuleByOnePrincipalMergeIntoOneFindingWithAllTheirEvidence()
    {
        var s = new ScenarioEvents();
        var thief = ScenarioEvents.IamUser("ci", "AKIACIKEY00000000001");
        for (var i = 0; i < 5; i++)
        {
            s.Call($"2025-03-10T09:00:0{i}Z", thief, "secretsmanager", "GetSecretValue", new JsonObject { ["secretId"] = $"db-{i}" });
        }

        s.Call("2025-03-10T11:00:00Z", thief, "secretsmanager", "GetSecretValue", new JsonObject { ["secretId"] = "later" });

        var findings = DetectionRunner.Run(s.Events, rules: [new SecretsReadRule()]).Findings;

        Assert.Equal(2, findings.Count);
        Assert.Equal(5, findings[0].EventCount);
        Assert.Equal(5, findings[0].Evidence.Count);
        Assert.Equal("read secret db-0; read secret db-1; read secret db-2; and 2 more", findings[0].Summary);
        Assert.Equal("AKIACIKEY00000000001", findings[0].AccessKeyId);
        Assert.Equal("read secret later", findings[1].Summary);
    }

    [Fact]
    public void CreateAccessKeyForOneselfIsNotABackdoorButForAnotherUserIs()
    {
        var s = new ScenarioEvents();
        var alice = ScenarioEvents.IamUser("alice", "AKIAALICE00000000001");
        s.Call("2025-03-10T09:00:00Z", alice, "iam", "CreateAccessKey", new JsonObject { ["userName"] = "alice" },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = "AKIAALICE00000000002", ["userName"] = "alice" } });
        s.Call("2025-03-10T09:01:00Z", alice, "iam", "CreateAccessKey", new JsonObject { ["userName"] = "alice2" },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = "AKIAALICE200000000001", ["userName"] = "alice2" } });
        s.Call("2025-03-10T09:02:00Z", alice, "iam", "CreateAccessKey", new JsonObject { ["userName"] = "bob" }, error: "LimitExceeded");

        var finding = Assert.Single(DetectionRunner.Run(s.Events, rules: [new AccessKeyForOtherUserRule()]).Findings);

        Assert.Equal("created access key AKIAALICE200000000001 for user 'alice2'", finding.Summary);
    }

    [Fact]
    public void SessionRefusesEventsOutOfTimeOrder()
    {
        var events = LeakedKeyScenario.Build().Events;
        var session = new DetectionSession(DetectionCatalog.All);
        session.Observe(events[5]);

        var e = Assert.Throws<InvalidOperationException>(() => session.Observe(events[0]));
        Assert.Contains("time order", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BenignBaselineUseOfTheKeyIsNotReportedAboveInfo()
    {
        var s = LeakedKeyScenario.Build();
        var baselineEnd = new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero);

        var result = DetectionRunner.Run(s.Events);

        Assert.DoesNotContain(result.Findings, f => f.First < baselineEnd && f.Severity > Severity.Info);
        Assert.Contains(result.Findings, f => f.First < baselineEnd && f.RuleId == "recon-caller-identity-first-call" && f.Severity == Severity.Info);
    }

    [Fact]
    public void RegionRuleReportsOnlyRegionsOutsideTheBaseline()
    {
        var finding = Assert.Single(DetectionRunner.Run(LeakedKeyScenario.Build().Events, rules: [new RegionFirstActivityRule()]).Findings);

        Assert.Equal(["ap-south-2"], finding.Regions);
        Assert.Matches("baseline: us-east-1, used until 20[0-9-]+T[0-9:]+Z", finding.Summary);
        Assert.Equal(Severity.Medium, finding.Severity);
    }

    [Fact]
    public void HtmlTableSaysHowManyEventsItLeavesOutWhenTheEvidenceKeptIsCapped()
    {
        var s = new ScenarioEvents();
        var thief = ScenarioEvents.IamUser("ci", "AKIACIKEY00000000001");
        for (var i = 0; i < 30; i++)
        {
            s.Call($"2025-03-10T09:00:{i:D2}Z", thief, "secretsmanager", "GetSecretValue", new JsonObject { ["secretId"] = $"db-{i}" });
        }

        var result = DetectionRunner.Run(s.Events, new DetectionOptions { MaxEvidencePerFinding = 5 }, [new SecretsReadRule()]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((30, 5), (finding.EventCount, finding.Evidence.Count));
        Assert.Contains("<li>… 25 more</li>", result.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlTableEncodesSummariesBuiltFromAttackerStrings()
    {
        var html = DetectionRunner.Run(LeakedKeyScenario.Build().Events).ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p2.xlarge", true)]
    [InlineData("g5.48xlarge", true)]
    [InlineData("m5.24xlarge", true)]
    [InlineData("c7i.metal-48xl", true)]
    [InlineData("inf2.xlarge", true)]
    [InlineData("t3.micro", false)]
    [InlineData("m5.4xlarge", false)]
    [InlineData("", false)]
    public void UnusualInstanceTypes(string type, bool unusual) => Assert.Equal(unusual, GpuInstanceLaunchRule.IsUnusualType(type));
}
