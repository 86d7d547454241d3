using NotebookHelpers.Detections;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Tests.Investigation;

public sealed class InvestigatorTests
{
    [Fact]
    public void SuggestsTheLeakedKeyAndLeavesOutKeysInsideItsBlastRadius()
    {
        var investigator = new Investigator(LeakedKeyScenario.Build().Events);

        var suggestions = investigator.SuggestKeys();

        var first = Assert.Single(suggestions);
        Assert.Equal(LeakedKeyScenario.LeakedKey, first.AccessKeyId);
        Assert.True(first.Severity >= Severity.High);
    }

    [Fact]
    public void TracesASessionBackToTheLongTermKeyThatStartedTheChain()
    {
        var investigator = new Investigator(LeakedKeyScenario.Build().Events);

        Assert.Equal(LeakedKeyScenario.BackdoorKey, investigator.Origin(LeakedKeyScenario.RoleSession));
        Assert.Equal(LeakedKeyScenario.LeakedKey, investigator.Origin(LeakedKeyScenario.LeakedKey));
    }

    [Fact]
    public void AnInvestigationCarriesTheFindingsOfEveryKeyAndUserInTheBlastRadius()
    {
        var investigation = new Investigator(LeakedKeyScenario.Build().Events).Investigate(LeakedKeyScenario.LeakedKey);

        var rules = investigation.Findings.Select(f => f.RuleId).ToHashSet();
        foreach (var rule in new[]
                 {
                     "iam-user-created", "iam-admin-policy-attached", "iam-access-key-for-other-user", "iam-login-profile-for-other-user",
                     "iam-role-trust-backdoored", "console-login-without-mfa", "ec2-gpu-or-large-instance-launch", "region-first-activity",
                     "access-denied-after-containment", "recon-caller-identity-first-call",
                 })
        {
            Assert.Contains(rule, rules);
        }

        var recon = Assert.Single(investigation.Findings, f => f.RuleId == "recon-caller-identity-first-call" && f.Severity > Severity.Info);
        Assert.Equal([LeakedKeyScenario.AttackerIp], recon.SourceIPs);
        Assert.Contains("Blast radius", investigation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void QuarantineMarkerMakesTheQuarantinedUsersKeysTheFirstSuggestion()
    {
        var s = LeakedKeyScenario.Build();
        s.Call("2025-03-10T09:30:00Z", ScenarioEvents.Role("AWSSupportQuarantine", "aws", "ASIAAWSINTERNAL00001"), "iam", "AttachUserPolicy",
            new System.Text.Json.Nodes.JsonObject { ["userName"] = "reporting", ["policyArn"] = "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2" },
            ip: "AWS Internal", userAgent: "AWS Internal");

        var suggestions = new Investigator(s.Events).SuggestKeys();

        Assert.Equal(LeakedKeyScenario.LeakedKey, suggestions[0].AccessKeyId);
        Assert.StartsWith("AWS quarantined user 'reporting'", suggestions[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Severity.Critical, suggestions[0].Severity);
    }
}
