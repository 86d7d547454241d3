using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// The attacker tries to stop and then delete the organization trail. Both calls fail: the trail belongs to the
/// management account and an SCP denies CloudTrail changes in member accounts. Logging never stops, so there is no
/// gap in any copy of the evidence.
/// </summary>
internal static class DefenseEvasionPhase
{
    public const string Phase = "defense-evasion";

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.BackdoorKey;
        var ip = Cast.OperatorIp;
        c.Plant(Phase, "Trails", f.Call(Timeline.At(10, 45, 12), key, "cloudtrail", "DescribeTrails", Regions.UsEast1, ip,
            UserAgents.AttackerCli("cloudtrail.describe-trails"), true));
        c.Plant(Phase, "Trail status", f.Call(Timeline.At(10, 45, 30), key, "cloudtrail", "GetTrailStatus", Regions.UsEast1, ip,
            UserAgents.AttackerCli("cloudtrail.get-trail-status"), true, new JsonMap { { "name", Accounts.TrailArn } }));
        c.Plant(Phase, "StopLogging on the organization trail: denied by SCP", f.Call(Timeline.At(10, 45, 49), key, "cloudtrail", "StopLogging",
            Regions.UsEast1, ip, UserAgents.AttackerCli("cloudtrail.stop-logging"), false, new JsonMap { { "name", Accounts.TrailArn } },
            errorCode: "AccessDenied", errorMessage: AttackContext.ExplicitDenyScp(key.Arn, "cloudtrail:StopLogging", Accounts.TrailArn)));
        c.Plant(Phase, "DeleteTrail on the organization trail: denied by SCP", f.Call(Timeline.At(10, 46, 3), key, "cloudtrail", "DeleteTrail",
            Regions.UsEast1, ip, UserAgents.AttackerCli("cloudtrail.delete-trail"), false, new JsonMap { { "name", Accounts.TrailArn } },
            errorCode: "AccessDenied", errorMessage: AttackContext.ExplicitDenyScp(key.Arn, "cloudtrail:DeleteTrail", Accounts.TrailArn)));
        c.Plant(Phase, "GuardDuty detectors", f.Call(Timeline.At(10, 46, 40), key, "guardduty", "ListDetectors", Regions.UsEast1, ip,
            UserAgents.AttackerCli("guardduty.list-detectors"), true));
    }
}
