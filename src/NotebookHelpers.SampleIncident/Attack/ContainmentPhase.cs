using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// The security engineer, alerted by AWS's email, signs in with MFA, checks the key, deactivates it and adds a
/// deny-all inline policy to its user. He does not notice the backdoor user, which stays active.
/// </summary>
internal static class ContainmentPhase
{
    public const string Phase = "containment";

    public static readonly DateTimeOffset LoginAt = Timeline.At(11, 52, 10);
    public static readonly DateTimeOffset DeactivatedAt = Timeline.At(11, 58, 41);

    public const string DenyAllPolicy =
        "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Sid\": \"DenyAll\",\n            \"Effect\": \"Deny\",\n            \"Action\": \"*\",\n            \"Resource\": \"*\"\n        }\n    ]\n}";

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var ip = Cast.OfficeIp;
        c.Plant(Phase, "Defender signs in with MFA", ConsoleRecords.IamUserLogin(f, LoginAt, Accounts.Production, Cast.Defender, Cast.DefenderId,
            ip, UserAgents.FirefoxLinux, mfa: true));
        var s = new IamUserIdentity(Accounts.Production, Cast.Defender, Cast.DefenderId, null).WithConsoleSession(f.SessionKeyId(), LoginAt.AddSeconds(1), mfa: true);
        var ua = UserAgents.AwsInternal;
        c.Plant(Phase, "Defender lists users", f.Call(Timeline.At(11, 53, 2), s, "iam", "ListUsers", Regions.UsEast1, ip, ua, true, fromConsole: true));
        c.Plant(Phase, "Defender lists the leaked user's keys", f.Call(Timeline.At(11, 54, 15), s, "iam", "ListAccessKeys", Regions.UsEast1, ip, ua, true,
            new JsonMap { { "userName", Cast.LeakedUser } }, fromConsole: true));
        c.Plant(Phase, "Defender checks the key's last use", f.Call(Timeline.At(11, 54, 16), s, "iam", "GetAccessKeyLastUsed", Regions.UsEast1, ip, ua, true,
            new JsonMap { { "accessKeyId", Cast.LeakedAccessKeyId } }, fromConsole: true));
        c.Plant(Phase, "Defender sees the quarantine policy", f.Call(Timeline.At(11, 55, 40), s, "iam", "ListAttachedUserPolicies", Regions.UsEast1, ip, ua, true,
            new JsonMap { { "userName", Cast.LeakedUser } }, fromConsole: true));
        c.Plant(Phase, "Leaked key deactivated", f.Call(DeactivatedAt, s, "iam", "UpdateAccessKey", Regions.UsEast1, ip, ua, false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "accessKeyId", Cast.LeakedAccessKeyId }, { "status", "Inactive" } }, fromConsole: true));
        c.Plant(Phase, "Deny-all inline policy on the leaked key's user", f.Call(Timeline.At(12, 1, 12), s, "iam", "PutUserPolicy", Regions.UsEast1, ip, ua, false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "policyName", "DenyAll" }, { "policyDocument", DenyAllPolicy } }, fromConsole: true));
        c.Plant(Phase, "Defender verifies the key is inactive", f.Call(Timeline.At(12, 3, 30), s, "iam", "ListAccessKeys", Regions.UsEast1, ip, ua, true,
            new JsonMap { { "userName", Cast.LeakedUser } }, fromConsole: true));
    }
}
