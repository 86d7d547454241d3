using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// CloudTrail assumes its delivery role every hour to write the organization trail into CloudWatch Logs
/// (management account, trail home region), session <c>CLOUDWATCH_LOGS_DELIVERY_SESSION</c>.
/// </summary>
internal sealed class TrailToCloudWatchActivity : IBackgroundActivity
{
    private readonly RecordFactory _f;

    public TrailToCloudWatchActivity(long seed, int scale)
    {
        _ = scale;
        _f = new RecordFactory(DeterministicRandom.Create(seed, "trail-to-cloudwatch"));
    }

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        var t = hourStart.AddMinutes(56).AddSeconds(_f.Random.Between(0, 59));
        var assumed = StsRecords.AssumeRole(_f, t, new AwsServiceIdentity("cloudtrail.amazonaws.com"), Cast.CloudTrailLogsRole,
            "CLOUDWATCH_LOGS_DELIVERY_SESSION", Regions.UsEast1, "cloudtrail.amazonaws.com", "cloudtrail.amazonaws.com",
            includeDuration: false, invokedByService: "cloudtrail.amazonaws.com");
        foreach (var r in assumed.Records)
        {
            collector.Add(r);
        }
    }
}
