using System.Text.Json.Nodes;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>
/// With no key asked for, the report covers the top suggested key and the suggested keys linked to it (same principal
/// or source address), not keys that only happen to have findings too.
/// </summary>
public sealed class LinkedCandidatesTests
{
    private const string Alice = "AKIAEXAMPLEALICE0001";
    private const string Bob = "AKIAEXAMPLEBOB000002";
    private const string Carol = "AKIAEXAMPLECAROL0003";
    private const string Vps = "203.0.113.9";

    [Fact]
    public async Task AKeyUsedFromTheTopKeysAddressJoinsTheReportAndAnUnrelatedKeyDoesNot()
    {
        using var folder = new TempDirectory();
        var s = new ScenarioEvents();
        var alice = ScenarioEvents.IamUser("alice", Alice);
        s.Call("2026-11-10T10:00:00Z", alice, "sts", "GetCallerIdentity", ip: Vps);
        s.Call("2026-11-10T10:01:00Z", alice, "iam", "CreateUser", new JsonObject { ["userName"] = "backup-admin" }, ip: Vps);
        s.Call("2026-11-10T10:01:30Z", alice, "iam", "AttachUserPolicy",
            new JsonObject { ["userName"] = "backup-admin", ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" }, ip: Vps);
        s.Call("2026-11-10T10:02:00Z", alice, "iam", "CreateAccessKey", new JsonObject { ["userName"] = "backup-admin" }, ip: Vps);
        var bob = ScenarioEvents.IamUser("bob", Bob);
        s.Call("2026-11-10T10:05:00Z", bob, "cloudtrail", "StopLogging", new JsonObject { ["name"] = "org-trail" }, ip: Vps);
        var carol = ScenarioEvents.IamUser("carol", Carol);
        s.Call("2026-11-10T11:00:00Z", carol, "ec2", "AuthorizeSecurityGroupIngress", new JsonObject
        {
            ["groupId"] = "sg-0123456789abcdef0",
            ["ipPermissions"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["ipProtocol"] = "tcp", ["fromPort"] = 22, ["toPort"] = 22,
                ["ipRanges"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["cidrIp"] = "0.0.0.0/0" }) } }) },
        }, ip: "198.51.100.7");
        s.WriteTrailFile(Path.Combine(folder.Path, "111122223333_CloudTrail_us-east-1_20261110T1000Z_linked.json"));

        var incident = await IncidentCase.OpenAsync(folder.Path, null);

        Assert.Contains(incident.Suggestions, k => k.AccessKeyId == Carol);
        Assert.Contains(incident.Investigation!.AccessKeyId, new[] { Alice, Bob });
        var linked = Assert.Single(incident.LinkedInvestigations);
        Assert.Equal(incident.Investigation.AccessKeyId == Alice ? Bob : Alice, linked.AccessKeyId);
        Assert.Contains($"same address(es) as {incident.Investigation.AccessKeyId}: {Vps}", linked.Reason, StringComparison.Ordinal);
        Assert.Equal([incident.Investigation.AccessKeyId, linked.AccessKeyId], incident.Report().Investigations.Select(i => i.AccessKeyId));
    }

    [Fact]
    public async Task AKeyAskedForIsReportedAlone()
    {
        var incident = await IncidentCase.OpenAsync("sample", "AKIA3NWPX4QHZRT7K2MD");

        Assert.Empty(incident.LinkedInvestigations);
        Assert.Single(incident.Report().Investigations);
    }
}
