using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// The SSM agent on production batch instances reports every five minutes (<c>UpdateInstanceInformation</c>)
/// with the instance role's credentials, through the SSM interface endpoint. The instances run the nightly batch
/// window (00:30 to 05:30), so the agent is heard only then.
/// </summary>
internal sealed class SsmAgentActivity : IBackgroundActivity
{
    private readonly RecordFactory _f;
    private readonly List<Instance> _instances = [];

    public SsmAgentActivity(long seed, int scale)
    {
        var random = DeterministicRandom.Create(seed, "ssm-agent");
        _f = new RecordFactory(random);
        for (var i = 0; i < 3 * scale; i++)
        {
            var ip = $"10.20.{11 + (i % 3)}.{random.Between(20, 250)}";
            _instances.Add(new Instance("i-0" + random.Hex(16), ip, random.Next(300), null, DateTimeOffset.MinValue));
        }
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (hourStart.Hour > 5)
        {
            return;
        }

        for (var i = 0; i < _instances.Count; i++)
        {
            var instance = _instances[i];
            for (var t = hourStart.AddSeconds(instance.OffsetSeconds % 300); t < hourStart.AddHours(1); t = t.AddMinutes(5))
            {
                if (t.TimeOfDay < TimeSpan.FromMinutes(30) || t.TimeOfDay >= new TimeSpan(5, 30, 0))
                {
                    continue;
                }

                // Instance-profile credentials rotate about every six hours.
                if (instance.Session is null || t - instance.SessionStart > TimeSpan.FromHours(6))
                {
                    instance = instance with
                    {
                        Session = new AssumedRoleIdentity(Cast.BatchInstanceRole, instance.Id, _f.SessionKeyId(), t.AddMinutes(-_f.Random.Between(1, 20)), ec2RoleDelivery: "2.0"),
                        SessionStart = t,
                    };
                    _instances[i] = instance;
                }

                var request = new JsonMap
                {
                    { "instanceId", instance.Id },
                    { "agentVersion", "3.3.1802.0" },
                    { "iPAddress", instance.Ip },
                    { "platformType", "Linux" },
                    { "platformName", "Amazon Linux" },
                    { "platformVersion", "2023" },
                    { "agentName", "amazon-ssm-agent" },
                    { "availabilityZone", "eu-west-1a" },
                    { "availabilityZoneId", "euw1-az3" },
                    { "computerName", $"ip-{instance.Ip.Replace('.', '-')}.eu-west-1.compute.internal" },
                };
                collector.Add(_f.Call(t.AddSeconds(_f.Random.Next(3)), instance.Session!, "ssm", "UpdateInstanceInformation", Regions.EuWest1,
                    instance.Ip, UserAgents.SsmAgent, false, request, null, vpcEndpointId: Cast.SsmInterfaceEndpoint));
            }
        }
    }

    private sealed record Instance(string Id, string Ip, int OffsetSeconds, AssumedRoleIdentity? Session, DateTimeOffset SessionStart);
}
