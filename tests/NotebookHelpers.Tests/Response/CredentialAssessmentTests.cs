using NotebookHelpers.Investigation;
using NotebookHelpers.Response;
using NotebookHelpers.Tests.Charts;
using NotebookHelpers.Tests.Investigation;

namespace NotebookHelpers.Tests.Response;

/// <summary>What kind of credential leaked and whether it is still usable, from the sample incident's evidence.</summary>
public sealed class CredentialAssessmentTests(InvestigatedSample sample) : IClassFixture<InvestigatedSample>
{
    [Fact]
    public void LeakedKeyIsAnIamUserKeyContainedByQuarantineDeactivationAndDenyAll()
    {
        var credential = CredentialAssessment.From(sample.Investigator, sample.Investigation);

        Assert.Equal(CredentialKind.IamUserAccessKey, credential.Kind);
        Assert.Equal("svc-reporting", credential.UserName);
        Assert.Null(credential.RoleName);
        Assert.Equal("739154086213", credential.Owner?.AccountId);
        Assert.Contains("AWS quarantine policy on user 'svc-reporting'", credential.EvidenceStatus, StringComparison.Ordinal);
        Assert.Contains("deactivated", credential.EvidenceStatus, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("active as far as the evidence shows", credential.EvidenceStatus, StringComparison.Ordinal);
        Assert.StartsWith("2025-03-11", credential.LastCall, StringComparison.Ordinal);
        Assert.Null(credential.Live);
    }

    [Fact]
    public void BackdoorKeyIsStillActiveAndItsUserSignedInToTheConsole()
    {
        var credential = CredentialAssessment.From(sample.Investigator, sample.Investigator.Investigate(InvestigatedSample.BackdoorKey));

        Assert.Equal(CredentialKind.IamUserAccessKey, credential.Kind);
        Assert.Equal("svc-backup-sync", credential.UserName);
        Assert.StartsWith("active as far as the evidence shows", credential.EvidenceStatus, StringComparison.Ordinal);
        Assert.True(credential.ConsoleSignIns > 0, credential.ConsoleAccess);
        Assert.Contains("2025-03-11T12:40:20Z: DescribeInstances", credential.LastCall, StringComparison.Ordinal);
        Assert.Contains("from 192.0.2.77", credential.LastCall, StringComparison.Ordinal);
    }

    [Fact]
    public void AssumedRoleKeyIsARoleSessionOfTheAbusedCrossAccountRole()
    {
        var credential = CredentialAssessment.From(sample.Investigator, sample.Investigator.Investigate(InvestigatedSample.AttackerSession));

        Assert.Equal(CredentialKind.RoleSession, credential.Kind);
        Assert.Equal("analytics-readonly-xacct", credential.RoleName);
        Assert.Equal("562048731905", credential.Owner?.AccountId);
        Assert.Contains("cannot be deactivated", credential.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyWithNoCallInTheEvidenceIsUnknownAndAsksForTheLiveLookup()
    {
        var credential = CredentialAssessment.From(sample.Investigator, sample.Investigator.Investigate("AKIAIOSFODNN7EXAMPLE"));

        Assert.Equal(CredentialKind.Unknown, credential.Kind);
        Assert.Null(credential.Owner);
        Assert.Equal("no call in the evidence", credential.LastCall);
        Assert.StartsWith("unknown", credential.EvidenceStatus, StringComparison.Ordinal);
        Assert.Contains("Live = true", credential.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void RootKeyIsRecognisedFromTheCallsItSigned()
    {
        var events = new ScenarioEvents();
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "Root",
            ["principalId"] = ScenarioEvents.Account,
            ["arn"] = $"arn:aws:iam::{ScenarioEvents.Account}:root",
            ["accountId"] = ScenarioEvents.Account,
            ["accessKeyId"] = "AKIAROOTKEY000000001",
        };
        events.Call("2025-03-10T09:00:00Z", root, "sts", "GetCallerIdentity", ip: "198.51.100.66");
        var investigator = new Investigator(events.Events);

        var credential = CredentialAssessment.From(investigator, investigator.Investigate("AKIAROOTKEY000000001"));

        Assert.Equal(CredentialKind.RootAccessKey, credential.Kind);
        Assert.Null(credential.UserName);
        Assert.Contains("Root keys should not exist", credential.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileUserNameFromTheLogsRendersAsText()
    {
        var scenario = LeakedKeyScenario.Build();
        var hostile = ScenarioEvents.IamUser(LeakedKeyScenario.HostileUser, "AKIAHOSTILEUSER00001");
        scenario.Call("2025-03-10T09:30:00Z", hostile, "sts", "GetCallerIdentity", ip: LeakedKeyScenario.AttackerIp);
        var investigator = new Investigator(scenario.Events);
        var credential = CredentialAssessment.From(investigator, investigator.Investigate("AKIAHOSTILEUSER00001"));

        using var html = new StringWriter();
        credential.WriteHtml(html);

        Assert.Equal(LeakedKeyScenario.HostileUser, credential.UserName);
        Assert.DoesNotContain("<script>alert(1)", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html.ToString(), StringComparison.Ordinal);
    }
}
