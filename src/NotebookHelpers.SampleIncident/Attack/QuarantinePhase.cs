using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// AWS finds the key in the public repository and attaches <c>AWSCompromisedKeyQuarantineV2</c> to its user. The
/// attacker's next calls with the leaked key hit the policy's explicit deny (AccessDenied,
/// Client.UnauthorizedOperation); read-only calls such as GetCallerIdentity and ListBuckets still succeed.
/// </summary>
internal static class QuarantinePhase
{
    public const string Phase = "aws-quarantine";

    public static readonly DateTimeOffset QuarantinedAt = Timeline.At(11, 34, 19);

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var operatorSession = new AssumedRoleIdentity(Cast.AwsQuarantineOperatorRole, "exposed-credentials-monitor", f.SessionKeyId(),
            QuarantinedAt.AddMinutes(-3));
        c.Plant(Phase, "AWS attaches AWSCompromisedKeyQuarantineV2 to the leaked key's user", f.Call(QuarantinedAt, operatorSession, "iam",
            "AttachUserPolicy", Regions.UsEast1, UserAgents.AwsInternal, UserAgents.AwsInternal, false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "policyArn", Cast.QuarantinePolicyArn } },
            recipientAccount: Accounts.Production, noTls: true, fromConsole: true));

        var key = AttackContext.LeakedKey;
        var user = key.Arn;
        c.Plant(Phase, "Leaked key still answers GetCallerIdentity (never denied)", f.Call(Timeline.At(11, 36, 12), key, "sts", "GetCallerIdentity",
            Regions.UsEast1, Cast.ScannerIp, UserAgents.AttackerCli("sts.get-caller-identity"), true));
        c.Plant(Phase, "Second backdoor user refused by the quarantine policy", f.Call(Timeline.At(11, 36, 40), key, "iam", "CreateUser",
            Regions.UsEast1, Cast.ScannerIp, UserAgents.AttackerCli("iam.create-user"), false, new JsonMap { { "userName", "svc-backup-sync2" } },
            errorCode: "AccessDenied",
            errorMessage: AttackContext.ExplicitDenyIdentityPolicy(user, "iam:CreateUser", $"arn:aws:iam::{Accounts.Production}:user/svc-backup-sync2")));
        c.Plant(Phase, "New key for the leaked user refused", f.Call(Timeline.At(11, 37, 5), key, "iam", "CreateAccessKey", Regions.UsEast1,
            Cast.ScannerIp, UserAgents.AttackerCli("iam.create-access-key"), false, new JsonMap { { "userName", Cast.LeakedUser } },
            errorCode: "AccessDenied", errorMessage: AttackContext.ExplicitDenyIdentityPolicy(user, "iam:CreateAccessKey", user)));
        c.Plant(Phase, "Tries to detach the quarantine policy: refused", f.Call(Timeline.At(11, 37, 31), key, "iam", "DetachUserPolicy", Regions.UsEast1,
            Cast.ScannerIp, UserAgents.AttackerCli("iam.detach-user-policy"), false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "policyArn", Cast.QuarantinePolicyArn } },
            errorCode: "AccessDenied", errorMessage: AttackContext.ExplicitDenyIdentityPolicy(user, "iam:DetachUserPolicy", user)));

        var t = Timeline.At(11, 41, 3);
        foreach (var region in new[] { Regions.UsEast1, "us-east-2" })
        {
            var token = f.Random.UpperUuid();
            c.Plant(Phase, "Launch with the leaked key refused by the quarantine policy", f.Call(t, key, "ec2", "RunInstances", region, Cast.OperatorIp,
                UserAgents.AttackerCli("ec2.run-instances"), false,
                Ec2Records.RunInstancesRequest("ami-0" + StableId.Hex("ubuntu-22.04-" + region, 16), "g4dn.xlarge", 4, token, CryptoMiningPhase.KeyPairName),
                errorCode: "Client.UnauthorizedOperation",
                errorMessage: c.Ec2Unauthorized(AttackContext.ExplicitDenyIdentityPolicy(user, "ec2:RunInstances", $"arn:aws:ec2:{region}:{Accounts.Production}:instance/*"))));
            t = t.AddSeconds(27);
        }

        c.Plant(Phase, "Tries to re-grant AdministratorAccess to the leaked user: refused", f.Call(Timeline.At(11, 44, 10), key, "iam", "AttachUserPolicy",
            Regions.UsEast1, Cast.OperatorIp, UserAgents.AttackerCli("iam.attach-user-policy"), false,
            new JsonMap { { "userName", Cast.LeakedUser }, { "policyArn", Cast.AdministratorAccessArn } },
            errorCode: "AccessDenied", errorMessage: AttackContext.ExplicitDenyIdentityPolicy(user, "iam:AttachUserPolicy", user)));
        c.Plant(Phase, "Read-only S3 listing still works with the leaked key", f.Call(Timeline.At(11, 49, 2), key, "s3", "ListBuckets", Regions.UsEast1,
            Cast.OperatorIp, UserAgents.AttackerCli("s3.ls"), true, new JsonMap { { "Host", "s3.amazonaws.com" } }));
    }
}
