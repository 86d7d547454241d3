using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.Investigation;

public sealed class BlastRadiusTests
{
    [Fact]
    public void FollowsTheLeakedKeyToEveryUserKeyPasswordSessionRoleAndInstanceItSpawned()
    {
        var graph = BlastRadiusBuilder.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.LeakedKey);

        Assert.Equal("key:" + LeakedKeyScenario.LeakedKey, graph.RootId);
        foreach (var id in new[]
                 {
                     "user:backup-admin", "key:" + LeakedKeyScenario.BackdoorKey, "login:backup-admin", "console:backup-admin",
                     "key:" + LeakedKeyScenario.RoleSession, "instance:i-0123456789abcdef0", "role:audit", "key:" + LeakedKeyScenario.ExternalSession,
                     "user:" + LeakedKeyScenario.HostileUser,
                 })
        {
            Assert.NotNull(graph.Find(id));
        }

        Assert.Contains(graph.Edges, e => e.From == graph.RootId && e.To == "key:" + LeakedKeyScenario.BackdoorKey && e.Kind == BlastRadiusEdgeKind.Created);
        Assert.Contains(graph.Edges, e => e.From == "user:backup-admin" && e.To == "key:" + LeakedKeyScenario.BackdoorKey && e.Kind == BlastRadiusEdgeKind.Owns);
        Assert.Contains(graph.Edges, e => e.From == "key:" + LeakedKeyScenario.BackdoorKey && e.To == "key:" + LeakedKeyScenario.RoleSession && e.Kind == BlastRadiusEdgeKind.Assumed);
        Assert.Contains(graph.Edges, e => e.From == "key:" + LeakedKeyScenario.RoleSession && e.To == "instance:i-0123456789abcdef0");
        Assert.Contains(graph.Edges, e => e.From == "role:audit" && e.To == "key:" + LeakedKeyScenario.ExternalSession && e.Label.Contains("999988887777", StringComparison.Ordinal));
        Assert.Contains(graph.Edges, e => e.To == "user:backup-admin" && e.Kind == BlastRadiusEdgeKind.Granted && e.Label == "granted AdministratorAccess");
        Assert.All(graph.Edges, e => Assert.All(e.Evidence, ev => Assert.StartsWith("00000000-0000-4000-8000-", ev.EventId, StringComparison.Ordinal)));
        Assert.Equal(1, graph.Find("key:" + LeakedKeyScenario.ExternalSession)!.Activity!.Events);
        Assert.Contains(LeakedKeyScenario.RoleSession, graph.AccessKeyIds);
    }

    [Fact]
    public void TheGraphIsTheSameWhateverOrderTheEventsArrive()
    {
        var events = LeakedKeyScenario.Build().Events;
        var shuffled = events.OrderBy(e => e.EventID!.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();

        var a = BlastRadiusBuilder.Build(events, LeakedKeyScenario.LeakedKey);
        var b = BlastRadiusBuilder.Build(shuffled, LeakedKeyScenario.LeakedKey);

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.Nodes.Select(n => n.Id), b.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void TreeShowsEachNodeOnceAndRefersBackToNodesAlreadyShown()
    {
        var text = BlastRadiusBuilder.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.LeakedKey).ToString();

        Assert.StartsWith("[key] " + LeakedKeyScenario.LeakedKey, text, StringComparison.Ordinal);
        Assert.Contains("created access key → [key] " + LeakedKeyScenario.BackdoorKey + " (user backup-admin)", text, StringComparison.Ordinal);
        Assert.Contains("(see above)", text, StringComparison.Ordinal);
        Assert.Contains("launched → [resource] instance i-0123456789abcdef0 (p3.16xlarge, ap-south-2)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlTreeEncodesAttackerChosenNames()
    {
        var html = BlastRadiusBuilder.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.LeakedKey).ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("backup-admin&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void InvictusKeyReachesTheUsersKeysAndRolesTheSimulationCreated()
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);

        var graph = BlastRadiusBuilder.Build(events, "AKIATFQR7NSC8Q4X20BJ");

        Assert.NotNull(graph.Find("user:malicious-iam-user"));
        Assert.NotNull(graph.Find("key:AKIATFQR7NSCQLA2F4OD"));
        Assert.NotNull(graph.Find("login:stratus-red-team-nmfalu-gfjyeaypjt"));
        Assert.NotNull(graph.Find("console:stratus-red-team-nmfalu-gfjyeaypjt"));
        Assert.NotNull(graph.Find("role:stratus-red-team-backdoor-r-role"));
        Assert.Contains(graph.OfKind(BlastRadiusNodeKind.Session), n => n.Activity!.Events > 0);
    }
}
