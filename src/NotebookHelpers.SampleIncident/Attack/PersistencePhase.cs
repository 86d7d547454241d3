using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// The operator creates a backdoor administrator, <c>svc-backup-sync</c>, with its own access key and a console
/// password, so deactivating the leaked key will not lock them out.
/// </summary>
internal static class PersistencePhase
{
    public const string Phase = "persistence";

    public static readonly DateTimeOffset UserCreated = Timeline.At(9, 52, 14);

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.LeakedKey;
        var ip = Cast.ScannerIp;
        var user = Cast.BackdoorUser;
        var arn = $"arn:aws:iam::{Accounts.Production}:user/{user}";

        c.Plant(Phase, "Backdoor user created", f.Call(UserCreated, key, "iam", "CreateUser", Regions.UsEast1, ip,
            UserAgents.AttackerCli("iam.create-user"), false, new JsonMap { { "userName", user } },
            new JsonMap
            {
                {
                    "user", new JsonMap
                    {
                        { "path", "/" }, { "userName", user }, { "userId", Cast.BackdoorUserId }, { "arn", arn },
                        { "createDate", Timestamps.IamDate(UserCreated) },
                    }
                },
            }));
        c.Plant(Phase, "AdministratorAccess attached to the backdoor user", f.Call(Timeline.At(9, 52, 31), key, "iam", "AttachUserPolicy",
            Regions.UsEast1, ip, UserAgents.AttackerCli("iam.attach-user-policy"), false,
            new JsonMap { { "userName", user }, { "policyArn", Cast.AdministratorAccessArn } }));
        var keyCreated = Timeline.At(9, 52, 48);
        c.Plant(Phase, "Access key created for the backdoor user", f.Call(keyCreated, key, "iam", "CreateAccessKey", Regions.UsEast1, ip,
            UserAgents.AttackerCli("iam.create-access-key"), false, new JsonMap { { "userName", user } },
            new JsonMap
            {
                {
                    "accessKey", new JsonMap
                    {
                        { "userName", user }, { "accessKeyId", Cast.BackdoorAccessKeyId }, { "status", "Active" },
                        { "createDate", Timestamps.IamDate(keyCreated) },
                    }
                },
            }));
        var profileCreated = Timeline.At(9, 53, 20);
        c.Plant(Phase, "Console password for the backdoor user", f.Call(profileCreated, key, "iam", "CreateLoginProfile", Regions.UsEast1, ip,
            UserAgents.AttackerCli("iam.create-login-profile"), false,
            new JsonMap { { "userName", user }, { "passwordResetRequired", false } },
            new JsonMap
            {
                {
                    "loginProfile", new JsonMap
                    {
                        { "userName", user }, { "createDate", Timestamps.IamDate(profileCreated) }, { "passwordResetRequired", false },
                    }
                },
            }));
    }
}
