using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// From a second address, with the backdoor user's key, a script walks every region: import a key pair, open SSH
/// to the world, launch GPU or large compute instances. The region SCP stops it in eleven regions
/// (Client.UnauthorizedOperation), vCPU quotas in others (Client.VcpuLimitExceeded); it starts with a DryRun probe.
/// </summary>
internal static class CryptoMiningPhase
{
    public const string Phase = "impact-cryptomining";
    public const string KeyPairName = "bk-sync";
    public const string SecurityGroupName = "bk-sync-sg";

    private sealed record Attempt(string InstanceType, int Count, string? Error, int VcpuLimit = 0);

    /// <summary>What the script tries in each region the SCP allows, in order; it stops at the first success.</summary>
    private static readonly Dictionary<string, Attempt[]> Plans = new()
    {
        ["us-east-1"] = [new("p3.16xlarge", 2, "Client.VcpuLimitExceeded", 64), new("g4dn.xlarge", 4, null)],
        ["us-east-2"] = [new("g4dn.12xlarge", 1, null)],
        ["us-west-2"] = [new("p3.8xlarge", 1, "Client.VcpuLimitExceeded", 0), new("c6i.8xlarge", 1, null)],
        ["eu-west-1"] = [new("g5.12xlarge", 2, "Client.VcpuLimitExceeded", 8)],
        ["eu-central-1"] = [new("p4d.24xlarge", 1, "Client.VcpuLimitExceeded", 0)],
        ["eu-north-1"] = [new("g4dn.2xlarge", 2, null)],
    };

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.BackdoorKey;
        var ip = Cast.OperatorIp;
        c.Plant(Phase, "Backdoor key used for the first time, from a second attacker address",
            f.Call(Timeline.At(9, 58, 2), key, "sts", "GetCallerIdentity", Regions.UsEast1, ip, UserAgents.AttackerCli("sts.get-caller-identity"), true));
        c.Plant(Phase, "Regions, again", f.Call(Timeline.At(9, 58, 30), key, "ec2", "DescribeRegions", Regions.UsEast1, ip,
            UserAgents.AttackerCli("ec2.describe-regions"), true, new JsonMap { { "regionSet", new JsonMap() } }));

        var t = Timeline.At(10, 1, 10);
        var image = "ami-0" + StableId.Hex("ubuntu-22.04-us-east-1", 16);
        var token = f.Random.UpperUuid();
        c.Plant(Phase, "DryRun probe: would RunInstances succeed?", f.Call(t, key, "ec2", "RunInstances", Regions.UsEast1, ip,
            UserAgents.AttackerCli("ec2.run-instances"), false,
            Ec2Records.RunInstancesRequest(image, "g4dn.xlarge", 4, token, dryRun: true),
            errorCode: "Client.DryRunOperation", errorMessage: "Request would have succeeded, but DryRun flag is set."));
        t = t.AddSeconds(15);

        foreach (var region in Regions.DefaultEnabled)
        {
            t = Regions.IsAllowedByScp(region) ? Launch(c, region, t) : Denied(c, region, t);
            t = t.AddSeconds(c.Timing.Between(20, 45));
        }

        t = Timeline.At(10, 24, 30);
        foreach (var region in Regions.AllowedByScp.Where(r => c.Launches.Any(l => l.Region == r && l.ErrorCode is null)))
        {
            c.Plant(Phase, "Checks the launched instances", f.Call(t, key, "ec2", "DescribeInstances", region, ip,
                UserAgents.AttackerCli("ec2.describe-instances"), true,
                new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap { { "items", new object?[] { new JsonMap { { "name", "key-name" }, { "valueSet", new JsonMap { { "items", new object?[] { new JsonMap { { "value", KeyPairName } } } } } } } } } } } }));
            t = t.AddSeconds(6);
        }
    }

    private static DateTimeOffset Launch(AttackContext c, string region, DateTimeOffset t)
    {
        var f = c.F;
        var key = AttackContext.BackdoorKey;
        var ip = Cast.OperatorIp;
        var groupId = "sg-0" + StableId.Hex("attacker-sg-" + region, 16);
        c.Plant(Phase, "Attacker's SSH key pair imported", f.Call(t, key, "ec2", "ImportKeyPair", region, ip, UserAgents.AttackerCli("ec2.import-key-pair"), false,
            new JsonMap { { "keyName", KeyPairName }, { "publicKeyMaterial", "<sensitiveDataRemoved>" } },
            new JsonMap
            {
                { "requestId", f.Random.Uuid() }, { "keyName", KeyPairName },
                { "keyFingerprint", "5f:3a:9c:e2:71:0b:d4:8e:6a:c5:12:f7:90:3b:ad:64" },
                { "keyPairId", "key-0" + StableId.Hex("attacker-key-" + region, 16) },
            }));
        t = t.AddSeconds(c.Timing.Between(4, 9));
        c.Plant(Phase, "Security group for the miners", f.Call(t, key, "ec2", "CreateSecurityGroup", region, ip, UserAgents.AttackerCli("ec2.create-security-group"), false,
            new JsonMap { { "groupName", SecurityGroupName }, { "groupDescription", "backup sync" } },
            new JsonMap { { "requestId", f.Random.Uuid() }, { "_return", true }, { "groupId", groupId }, { "securityGroupArn", $"arn:aws:ec2:{region}:{Accounts.Production}:security-group/{groupId}" } }));
        t = t.AddSeconds(c.Timing.Between(3, 8));
        c.Plant(Phase, "SSH opened to 0.0.0.0/0", f.Call(t, key, "ec2", "AuthorizeSecurityGroupIngress", region, ip,
            UserAgents.AttackerCli("ec2.authorize-security-group-ingress"), false,
            new JsonMap
            {
                { "groupId", groupId },
                {
                    "ipPermissions", new JsonMap
                    {
                        {
                            "items", new object?[]
                            {
                                new JsonMap
                                {
                                    { "ipProtocol", "tcp" }, { "fromPort", 22 }, { "toPort", 22 }, { "groups", new JsonMap() },
                                    { "ipRanges", new JsonMap { { "items", new object?[] { new JsonMap { { "cidrIp", "0.0.0.0/0" } } } } } },
                                    { "ipv6Ranges", new JsonMap() }, { "prefixListIds", new JsonMap() },
                                },
                            }
                        },
                    }
                },
            },
            new JsonMap { { "requestId", f.Random.Uuid() }, { "_return", true } }));

        var image = "ami-0" + StableId.Hex("ubuntu-22.04-" + region, 16);
        foreach (var attempt in Plans[region])
        {
            t = t.AddSeconds(c.Timing.Between(5, 14));
            var token = f.Random.UpperUuid();
            var request = Ec2Records.RunInstancesRequest(image, attempt.InstanceType, attempt.Count, token, KeyPairName, groupId);
            TrailEvent record;
            IReadOnlyList<string> ids = [];
            if (attempt.Error is null)
            {
                ids = Enumerable.Range(0, attempt.Count).Select(i => "i-0" + StableId.Hex($"miner-{region}-{i}", 16)).ToList();
                record = f.Call(t, key, "ec2", "RunInstances", region, ip, UserAgents.AttackerCli("ec2.run-instances"), false, request,
                    Ec2Records.RunInstancesResponse(f, t, Accounts.Production, region, attempt.InstanceType, ids, image, token, KeyPairName, groupId));
            }
            else
            {
                record = f.Call(t, key, "ec2", "RunInstances", region, ip, UserAgents.AttackerCli("ec2.run-instances"), false, request,
                    errorCode: attempt.Error,
                    errorMessage: $"You have requested more vCPU capacity than your current vCPU limit of {attempt.VcpuLimit} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");
            }

            c.Plant(Phase, attempt.Error is null ? $"{attempt.Count} x {attempt.InstanceType} launched" : $"{attempt.InstanceType} refused: vCPU quota",
                record);
            c.Launches.Add(new LaunchAttempt(t, region, attempt.InstanceType, attempt.Count, key.AccessKeyId!,
                attempt.Error is null ? "launched" : "failed", attempt.Error, ids, record.EventId));
            if (attempt.Error is null)
            {
                break;
            }
        }

        return t;
    }

    private static DateTimeOffset Denied(AttackContext c, string region, DateTimeOffset t)
    {
        var f = c.F;
        var key = AttackContext.BackdoorKey;
        c.Plant(Phase, "Key pair import refused by the region SCP", f.Call(t, key, "ec2", "ImportKeyPair", region, Cast.OperatorIp,
            UserAgents.AttackerCli("ec2.import-key-pair"), false,
            new JsonMap { { "keyName", KeyPairName }, { "publicKeyMaterial", "<sensitiveDataRemoved>" } },
            errorCode: "Client.UnauthorizedOperation",
            errorMessage: "You are not authorized to perform this operation. " +
                AttackContext.ExplicitDenyScp(key.Arn, "ec2:ImportKeyPair", $"arn:aws:ec2:{region}:{Accounts.Production}:key-pair/{KeyPairName}")));
        t = t.AddSeconds(c.Timing.Between(2, 6));
        var token = f.Random.UpperUuid();
        var record = f.Call(t, key, "ec2", "RunInstances", region, Cast.OperatorIp, UserAgents.AttackerCli("ec2.run-instances"), false,
            Ec2Records.RunInstancesRequest("ami-0" + StableId.Hex("ubuntu-22.04-" + region, 16), "g4dn.12xlarge", 2, token, KeyPairName),
            errorCode: "Client.UnauthorizedOperation",
            errorMessage: c.Ec2Unauthorized(AttackContext.ExplicitDenyScp(key.Arn, "ec2:RunInstances", $"arn:aws:ec2:{region}:{Accounts.Production}:instance/*")));
        c.Plant(Phase, "Launch refused by the region SCP", record);
        c.Launches.Add(new LaunchAttempt(t, region, "g4dn.12xlarge", 2, key.AccessKeyId!, "failed", "Client.UnauthorizedOperation", [], record.EventId));
        return t;
    }
}
