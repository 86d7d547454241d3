using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// The production orders API (ECS tasks) writes order exports to and reads templates from the sensitive bucket
/// through the S3 gateway endpoint; the trail records those object-level calls as data events. ECS refreshes the
/// task role's credentials every six hours (an <c>AssumeRole</c> by <c>ecs-tasks.amazonaws.com</c>).
/// </summary>
internal sealed class OrdersApiActivity : IBackgroundActivity
{
    private readonly RecordFactory _f;
    private readonly int _scale;
    private readonly TaskState[] _tasks;

    public OrdersApiActivity(long seed, int scale)
    {
        var random = DeterministicRandom.Create(seed, "orders-api");
        _f = new RecordFactory(random);
        _scale = scale;
        _tasks = Enumerable.Range(0, 2).Select(i => new TaskState(random.Hex(32), $"10.20.{21 + i}.{random.Between(10, 250)}", null)).ToArray();
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        for (var i = 0; i < _tasks.Length; i++)
        {
            var task = _tasks[i];
            var refresh = hourStart;
            if (task.Session is null || hourStart.Hour % 6 == i)
            {
                refresh = hourStart.AddSeconds(_f.Random.Between(60, 600));
                var assumed = StsRecords.AssumeRole(_f, refresh, new AwsServiceIdentity("ecs-tasks.amazonaws.com"), Cast.OrdersApiTaskRole,
                    task.Id, Regions.EuWest1, "ecs-tasks.amazonaws.com", "ecs-tasks.amazonaws.com", durationSeconds: 21600,
                    includeDuration: false, invokedByService: "ecs-tasks.amazonaws.com");
                foreach (var r in assumed.Records)
                {
                    collector.Add(r);
                }

                task = _tasks[i] = task with { Session = assumed.Session };
            }

            var session = task.Session!;
            var rate = 75 * _scale * ActivityRate.BusinessHours(hourStart);
            foreach (var t in ActivityRate.Arrivals(_f.Random, hourStart, rate))
            {
                var when = t < refresh ? refresh.AddSeconds(1) : t;
                var roll = _f.Random.NextDouble();
                if (roll < 0.7)
                {
                    var day = when.UtcDateTime;
                    var key = $"exports/orders/{day:yyyy}/{day:MM}/{day:dd}/order-{_f.Random.Digits(9)}.json";
                    collector.Add(_f.S3(when, session, "PutObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, task.Ip,
                        UserAgents.OrdersApi, false, key, new JsonMap { { "x-amz-server-side-encryption", "AES256" } },
                        new JsonMap { { "x-amz-server-side-encryption", "AES256" } }, bytesIn: _f.Random.Between(900, 6000),
                        vpcEndpointId: Cast.S3GatewayEndpoint));
                }
                else if (roll < 0.92)
                {
                    collector.Add(_f.S3(when, session, "GetObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, task.Ip,
                        UserAgents.OrdersApi, true, "templates/invoice-v7.html", bytesOut: 18244, vpcEndpointId: Cast.S3GatewayEndpoint));
                }
                else
                {
                    collector.Add(_f.S3(when, session, "HeadObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, task.Ip,
                        UserAgents.OrdersApi, true, "templates/invoice-v7.html", vpcEndpointId: Cast.S3GatewayEndpoint));
                }
            }
        }
    }

    private sealed record TaskState(string Id, string Ip, AssumedRoleIdentity? Session);
}
