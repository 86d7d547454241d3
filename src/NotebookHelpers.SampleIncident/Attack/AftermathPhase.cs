using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// After containment the attacker is still in: the backdoor key checks the miners, and the backdoor user signs in
/// to the console without MFA from the third address. The recording ends with both still active.
/// </summary>
internal static class AftermathPhase
{
    public const string Phase = "persistence-after-containment";

    public static readonly DateTimeOffset BackdoorLogin = Timeline.At(14, 10, 33);

    private const string AttackerBrowser =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36";

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var t = Timeline.At(12, 40, 5);
        foreach (var region in c.Launches.Where(l => l.ErrorCode is null).Select(l => l.Region).Distinct())
        {
            c.Plant(Phase, "Backdoor key checks its miners after containment", f.Call(t, AttackContext.BackdoorKey, "ec2", "DescribeInstances", region,
                Cast.OperatorIp, UserAgents.AttackerCli("ec2.describe-instances"), true,
                new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() } }));
            t = t.AddSeconds(5);
        }

        c.Plant(Phase, "Backdoor user signs in to the console without MFA", ConsoleRecords.IamUserLogin(f, BackdoorLogin, Accounts.Production,
            Cast.BackdoorUser, Cast.BackdoorUserId, Cast.SessionUseIp, AttackerBrowser, mfa: false));
        var s = new IamUserIdentity(Accounts.Production, Cast.BackdoorUser, Cast.BackdoorUserId, null)
            .WithConsoleSession(f.SessionKeyId(), BackdoorLogin.AddSeconds(1), mfa: false);
        c.Plant(Phase, "Backdoor console session: EC2", f.Call(Timeline.At(14, 11, 2), s, "ec2", "DescribeInstances", Regions.UsEast1, Cast.SessionUseIp,
            AttackerBrowser, true, new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() }, { "maxResults", 50 } }, fromConsole: true));
        c.Plant(Phase, "Backdoor console session: billing", f.Call(Timeline.At(14, 12, 40), s, "ce", "GetCostAndUsage", Regions.UsEast1, Cast.SessionUseIp,
            "console.amazonaws.com", true, new JsonMap
            {
                { "timePeriod", new JsonMap { { "start", "2025-03-01" }, { "end", "2025-03-31" } } },
                { "granularity", "DAILY" },
                { "metrics", new object?[] { "UnblendedCost" } },
            }, fromConsole: true));
        c.Plant(Phase, "Backdoor console session: IAM users", f.Call(Timeline.At(14, 13, 19), s, "iam", "ListUsers", Regions.UsEast1, Cast.SessionUseIp,
            UserAgents.AwsInternal, true, fromConsole: true));
    }
}
