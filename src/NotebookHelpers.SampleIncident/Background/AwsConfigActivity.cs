using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// AWS Config's recorder, in every account and both regions in use: its service-linked role describes resources a
/// few times a day. AWS-service noise: sourceIPAddress and userAgent are <c>config.amazonaws.com</c>, no TLS block.
/// </summary>
internal sealed class AwsConfigActivity : IBackgroundActivity
{
    private static readonly (string Service, string Name, bool Global)[] Calls =
    [
        ("ec2", "DescribeInstances", false), ("ec2", "DescribeSecurityGroups", false), ("ec2", "DescribeVpcs", false),
        ("ec2", "DescribeSubnets", false), ("ec2", "DescribeNetworkInterfaces", false), ("ec2", "DescribeVolumes", false),
        ("ec2", "DescribeRouteTables", false), ("iam", "GetRole", true), ("iam", "ListAttachedRolePolicies", true),
        ("iam", "ListRolePolicies", true), ("iam", "GetAccountAuthorizationDetails", true),
    ];

    private readonly RecordFactory _f;
    private readonly int _scale;

    public AwsConfigActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "aws-config"));
        _scale = scale;
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        foreach (var account in Accounts.All)
        {
            foreach (var region in Regions.InUse)
            {
                // Periodic snapshots and change-triggered reads: about one burst every twelve hours.
                if (!_f.Random.Chance(Math.Min(1.0, _scale / 12.0)))
                {
                    continue;
                }

                var t = hourStart.AddSeconds(_f.Random.Between(0, 3000));
                var role = Cast.ConfigRole(account);
                var assumed = StsRecords.AssumeRole(_f, t, new AwsServiceIdentity("config.amazonaws.com"), role, "AWSConfig-Describe",
                    region, "config.amazonaws.com", "config.amazonaws.com", durationSeconds: 900, invokedByService: "config.amazonaws.com");
                foreach (var r in assumed.Records)
                {
                    collector.Add(r);
                }

                var session = new AssumedRoleIdentity(role, "AWSConfig-Describe", assumed.Session.AccessKeyId, t, invokedBy: "config.amazonaws.com");
                var count = _f.Random.Between(4, 9);
                for (var i = 0; i < count; i++)
                {
                    t = t.AddSeconds(_f.Random.Between(0, 4));
                    var call = _f.Random.Pick(Calls);
                    if (call.Global && region != Regions.UsEast1)
                    {
                        continue;
                    }

                    var request = call.Name switch
                    {
                        "GetRole" or "ListAttachedRolePolicies" or "ListRolePolicies" =>
                            new JsonMap { { "roleName", Cast.ConfigRole(account).Name } },
                        "GetAccountAuthorizationDetails" => new JsonMap { { "filter", new object?[] { "Role", "Group", "LocalManagedPolicy" } } },
                        "DescribeInstances" => new JsonMap { { "instancesSet", new JsonMap() }, { "filterSet", new JsonMap() } },
                        _ => new JsonMap { { "maxResults", 1000 } },
                    };
                    collector.Add(_f.Call(t, session, call.Service, call.Name, region, "config.amazonaws.com", "config.amazonaws.com", true,
                        request, noTls: true));
                }
            }
        }
    }
}
