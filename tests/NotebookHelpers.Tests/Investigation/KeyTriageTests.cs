using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>
/// Without a key to investigate, the one the story is about comes first. The story of each real recording, from its
/// own description (../shared/datasets/README.md and the sources' READMEs):
/// <list type="bullet">
/// <item>SANS SEC504 S3 ransomware lab: user jmerckle, from 3.238.12.183, validates its key AKIAU7JNXC7K7XNL3F6J, enumerates
/// IAM, creates an access key and grants itself an inline administrator policy; the owner's root console sessions
/// browse and configure from 96.253.26.224 around it.</item>
/// <item>Invictus IR's Stratus simulation: IAM user bert-jan (AKIATFQR7NSC8Q4X20BJ) runs the 32 Stratus attacks.</item>
/// </list>
/// Not here: the Stratus detonation logs (one technique per file, each with its own anonymised account and key: no
/// story across them), OTRF's SSRF recording (no finding above Info points at its stolen role session), Panther's and
/// TrailDiscover's per-event examples (no incident).
/// </summary>
public sealed class KeyTriageTests
{
    [SharedDataFact]
    public void OnTheSansLabTheKeyThatEscalatedItsOwnPrivilegesRanksAboveTheRootConsoleSessions()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("suzaku-sample-data-sans504")]);

        var suggestions = new Investigator(events).SuggestKeys();

        Assert.Equal("AKIAU7JNXC7K7XNL3F6J", suggestions[0].AccessKeyId);
        Assert.Contains("privilege escalation: iam-inline-policy-granted (high)", suggestions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("first use from a new address: 3.238.12.183", suggestions[0].Reason, StringComparison.Ordinal);
        // Root's console sessions are one candidate, not twelve, and the S3 burst key is on the list.
        var root = Assert.Single(suggestions, s => s.Reason.Contains("session keys of root folded into one", StringComparison.Ordinal));
        Assert.Contains("console sessions (halved)", root.Reason, StringComparison.Ordinal);
        Assert.Contains(suggestions, s => s.AccessKeyId == "AKIAU7JNXC7K6YHPTBHL");
        Assert.True(suggestions.Count <= 4, string.Join("\n", suggestions));
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.AccessKeyId), suggestions.Select(s => s.AccessKeyId));
    }

    [SharedDataFact]
    public void OnTheInvictusSimulationTheStratusOperatorsKeyRanksFirst()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);

        var suggestions = new Investigator(events).SuggestKeys();

        Assert.Equal("AKIATFQR7NSC8Q4X20BJ", suggestions[0].AccessKeyId);
        Assert.Contains("tampering: cloudtrail-logging-stopped (critical)", suggestions[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatAKeyDidOutranksWhoItIsAndConsoleBrowsingCountsHalf()
    {
        var s = new ScenarioEvents();
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "Root", ["principalId"] = ScenarioEvents.Account, ["arn"] = $"arn:aws:iam::{ScenarioEvents.Account}:root",
            ["accountId"] = ScenarioEvents.Account, ["accessKeyId"] = "ASIAROOTCONSOLE00001",
        };
        for (var i = 0; i < 3; i++)
        {
            s.Call($"2026-11-10T09:0{i}:00Z", root, "ec2", "DescribeInstances", ip: "198.51.100.7", userAgent: "Mozilla/5.0 (console)");
        }

        var attacker = ScenarioEvents.IamUser("build", "AKIABUILDKEY00000001");
        s.Call("2026-11-10T10:00:00Z", attacker, "sts", "GetCallerIdentity", ip: "203.0.113.66");
        s.Call("2026-11-10T10:01:00Z", attacker, "iam", "CreateUser", new System.Text.Json.Nodes.JsonObject { ["userName"] = "svc-shadow" }, ip: "203.0.113.66");

        var suggestions = new Investigator(s.Events).SuggestKeys();

        Assert.Equal("AKIABUILDKEY00000001", suggestions[0].AccessKeyId);
        Assert.StartsWith("score ", suggestions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("persistence: iam-user-created (medium)", suggestions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("first use from a new address: 203.0.113.66", suggestions[0].Reason, StringComparison.Ordinal);
        var rootSuggestion = Assert.Single(suggestions, x => x.AccessKeyId == "ASIAROOTCONSOLE00001");
        Assert.True(rootSuggestion.Score < suggestions[0].Score);
        Assert.Contains("console sessions (halved)", rootSuggestion.Reason, StringComparison.Ordinal);
    }
}
