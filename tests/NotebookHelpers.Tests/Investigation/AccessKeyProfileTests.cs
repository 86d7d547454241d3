using NotebookHelpers.Detections;
using NotebookHelpers.Investigation;

namespace NotebookHelpers.Tests.Investigation;

public sealed class AccessKeyProfileTests
{
    [Fact]
    public void ProfilesTheLeakedKeyWithOwnerAddressesAndContainmentFoundAutomatically()
    {
        var profile = AccessKeyProfiler.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.LeakedKey);

        Assert.Equal(AccessKeyKind.LongTerm, profile.Kind);
        Assert.Equal("reporting", profile.Owner!.UserName);
        Assert.Equal(["192.0.2.10", LeakedKeyScenario.AttackerIp], profile.SourceIPs.Select(s => s.Value));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero), profile.SourceIPs[1].FirstSeen);
        Assert.Equal(["reporting-job/1.0", "aws-cli/2.15.0 attacker", "aws-cli/2.15.0"], profile.UserAgents.Select(u => u.Value));
        Assert.Equal(2, profile.Containment.Count);
        Assert.Equal(NotebookHelpers.Investigation.ContainmentKind.DenyAllPolicy, profile.Containment[0].Kind);
        Assert.Equal(NotebookHelpers.Investigation.ContainmentKind.KeyDeactivated, profile.Containment[1].Kind);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), profile.ContainedAt);
        Assert.Equal(2, profile.AfterContainment.Events);
        Assert.Equal(2, profile.AfterContainment.AccessDenied);
        Assert.Equal([LeakedKeyScenario.AttackerIp], profile.AfterContainment.SourceIPs);
        Assert.Equal(profile.Activity.Events - 2, profile.BeforeContainment.Events);
        Assert.Contains(profile.EventNames, e => e.Value == "CreateAccessKey" && e.Count == 1);
        Assert.Equal(2, profile.ErrorCodes.Sum(e => e.Count));
    }

    [Fact]
    public void ProfilesTheBackdoorKeyWithItsCreatorAndItsUsersConsoleSignIns()
    {
        var profile = AccessKeyProfiler.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.BackdoorKey);

        Assert.Equal("CreateAccessKey", profile.CreatedBy!.EventName);
        Assert.Equal("backup-admin", profile.Owner!.UserName);
        Assert.Single(profile.ConsoleLogins);
        Assert.Null(profile.ContainedAt);
        Assert.Equal(0, profile.AfterContainment.Events);
    }

    [Fact]
    public void ProfilesASessionKeyWithItsRoleAndIssuer()
    {
        var profile = AccessKeyProfiler.Build(LeakedKeyScenario.Build().Events, LeakedKeyScenario.RoleSession);

        Assert.Equal(AccessKeyKind.Temporary, profile.Kind);
        Assert.Equal("ops", profile.Owner!.RoleName);
        Assert.Equal("AssumeRole", profile.CreatedBy!.EventName);
        Assert.Equal(["ap-south-2"], profile.Regions.Select(r => r.Value));
    }

    [Fact]
    public void AKeyAbsentFromTheEvidenceGivesAnEmptyProfileNotAnError()
    {
        var profile = AccessKeyProfiler.Build(LeakedKeyScenario.Build().Events, "AKIANEVERSEEN0000000");

        Assert.Null(profile.Owner);
        Assert.Equal(0, profile.Activity.Events);
        Assert.Contains("not seen in the evidence", profile.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlEncodesValuesFromTheLogs()
    {
        var s = LeakedKeyScenario.Build();
        s.Call("2025-03-10T11:00:00Z", ScenarioEvents.IamUser("reporting", LeakedKeyScenario.LeakedKey), "s3", "ListBuckets",
            error: "AccessDenied", userAgent: "<img src=x onerror=alert(1)>");

        var html = AccessKeyProfiler.Build(s.Events, LeakedKeyScenario.LeakedKey).ToHtml();

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }
}
