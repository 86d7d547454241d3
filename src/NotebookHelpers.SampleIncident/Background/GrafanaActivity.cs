using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// Grafana in the management account reads production CloudWatch metrics through a cross-account role while the
/// operations dashboard is open on the office screen (working days, 07:00 to 19:00): an hourly <c>AssumeRole</c>
/// (recorded in both accounts with one sharedEventID) and <c>GetMetricData</c> every two minutes. A benign
/// cross-account pattern next to the attacker's.
/// </summary>
internal sealed class GrafanaActivity : IBackgroundActivity
{
    private const string GrafanaIp = "10.30.12.57";
    private const string StsEndpoint = "vpce-0b6e29d4c1a7f3e58";
    private const string MonitoringEndpoint = "vpce-0f1c8a3b5d92e7460";

    private readonly RecordFactory _f;
    private readonly int _scale;
    private readonly AssumedRoleIdentity _server;

    public GrafanaActivity(long seed, int scale)
    {
        _f = new RecordFactory(DeterministicRandom.Create(seed, "grafana"));
        _scale = scale;
        _server = new AssumedRoleIdentity(Cast.GrafanaServerRole, "i-0" + StableId.Hex("grafana-instance", 16), "ASIA" + StableId.Upper("grafana-key", 16),
            Timeline.End.AddDays(-SampleIncidentOptions.DefaultDays).AddHours(-2), ec2RoleDelivery: "2.0");
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (ActivityRate.IsWeekend(hourStart) || hourStart.Hour is < 7 or >= 19)
        {
            return;
        }

        var t = hourStart.AddSeconds(_f.Random.Between(0, 30));
        var assumed = StsRecords.AssumeRole(_f, t, _server, Cast.GrafanaReadRole, "grafana-" + t.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Regions.EuWest1, GrafanaIp, UserAgents.Grafana, durationSeconds: 3600, vpcEndpointId: StsEndpoint);
        foreach (var r in assumed.Records)
        {
            collector.Add(r);
        }

        var interval = 120 / _scale;
        for (var at = t.AddSeconds(3); at < hourStart.AddHours(1); at = at.AddSeconds(Math.Max(interval, 2)))
        {
            var end = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
            collector.Add(_f.Call(at, assumed.Session, "monitoring", "GetMetricData", Regions.EuWest1, GrafanaIp, UserAgents.Grafana, true,
                new JsonMap
                {
                    {
                        "metricDataQueries", new object?[]
                        {
                            MetricQuery("a", "AWS/ECS", "CPUUtilization", "ServiceName", "orders-api"),
                            MetricQuery("b", "AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", "app/orders-alb/5d2c9e0f7a41b386"),
                        }
                    },
                    { "startTime", Timestamps.StsDate(end.AddHours(-3)) },
                    { "endTime", Timestamps.StsDate(end) },
                },
                vpcEndpointId: MonitoringEndpoint));
        }
    }

    private static JsonMap MetricQuery(string id, string ns, string metric, string dimension, string value) => new()
    {
        { "id", id },
        {
            "metricStat", new JsonMap
            {
                { "metric", new JsonMap { { "namespace", ns }, { "metricName", metric }, { "dimensions", new object?[] { new JsonMap { { "name", dimension }, { "value", value } } } } } },
                { "period", 60 },
                { "stat", "Average" },
            }
        },
        { "returnData", true },
    };
}
