using System.Text.Json.Nodes;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>
/// The report's next steps name resources by the names the events gave them, quoted for the shell: an attacker's key
/// pair named <c>prod-deploy-key backup</c> must never become <c>--key-name prod-deploy-key</c>, which would delete the
/// victim's own key pair.
/// </summary>
public sealed class NextStepCommandTests
{
    [Theory]
    [InlineData("prod-deploy-key backup", "'prod-deploy-key backup'")]
    [InlineData("it's; rm -rf ~", "'it'\\''s; rm -rf ~'")]
    [InlineData("plain-name", "plain-name")]
    public void AKeyPairWithSpacesOrQuotesIsNamedWholeAndQuoted(string keyName, string quoted)
    {
        var scenario = LeakedKeyScenario.Build();
        scenario.Call("2025-03-10T09:03:00Z", ScenarioEvents.IamUser("reporting", LeakedKeyScenario.LeakedKey), "ec2", "ImportKeyPair",
            new JsonObject { ["keyName"] = keyName, ["publicKeyMaterial"] = "ssh-ed25519 AAAA" },
            new JsonObject { ["keyName"] = keyName, ["keyFingerprint"] = "aa:bb" }, ip: LeakedKeyScenario.AttackerIp, region: "eu-west-1");
        var investigator = new Investigator(scenario.Events);

        var report = IncidentReportBuilder.Build(investigator, [investigator.Investigate(LeakedKeyScenario.LeakedKey)]);

        var keyPair = Assert.Single(report.AffectedResources, a => a.Kind == "key pair");
        Assert.Equal(keyName, keyPair.ResourceName);
        var command = Assert.Single(report.NextSteps, s => s.Command.Contains("delete-key-pair", StringComparison.Ordinal)).Command;
        Assert.Equal($"aws ec2 delete-key-pair --region eu-west-1 --key-name {quoted}", command);
    }
}
