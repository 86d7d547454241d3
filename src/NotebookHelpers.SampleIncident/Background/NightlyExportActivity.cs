using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// At 02:00 every night a Lambda function exports the customer table to
/// <c>s3://nw-prod-customer-exports/exports/customers/YYYY/MM/DD/part-NNNN.csv.gz</c>: the objects the attacker
/// later downloads.
/// </summary>
internal sealed class NightlyExportActivity : IBackgroundActivity
{
    /// <summary>Parts written per night at scale 1.</summary>
    public const int PartsPerNight = 24;

    private readonly RecordFactory _f;

    public NightlyExportActivity(long seed, int scale)
    {
        // The number of parts is part of the story (the attacker downloads them), so it does not scale.
        _ = scale;
        _f = new RecordFactory(DeterministicRandom.Create(seed, "nightly-export"));
    }

    public static string PartKey(DateTimeOffset night, int part) =>
        $"exports/customers/{night.UtcDateTime:yyyy}/{night.UtcDateTime:MM}/{night.UtcDateTime:dd}/part-{part:D4}.csv.gz";

    /// <summary>The size of a part, the same for the writer and for the attacker's download.</summary>
    public static long PartSize(DateTimeOffset night, int part) => 3_400_000 + ((night.Day * 7919 + part * 104729) % 1_900_000);

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (hourStart.Hour != 2)
        {
            return;
        }

        var start = hourStart.AddSeconds(_f.Random.Between(0, 40));
        var assumed = StsRecords.AssumeRole(_f, start, new AwsServiceIdentity("lambda.amazonaws.com"), Cast.NightlyExportRole,
            "nightly-customer-export", Regions.EuWest1, "lambda.amazonaws.com", "lambda.amazonaws.com", includeDuration: false,
            invokedByService: "lambda.amazonaws.com");
        foreach (var r in assumed.Records)
        {
            collector.Add(r);
        }

        var ip = $"10.20.31.{_f.Random.Between(10, 250)}";
        var t = start.AddSeconds(2);
        collector.Add(_f.S3(t, assumed.Session, "GetObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, ip, UserAgents.NightlyExport,
            true, "config/export-manifest.json", bytesOut: 2411, vpcEndpointId: Cast.S3GatewayEndpoint));
        for (var part = 0; part < PartsPerNight; part++)
        {
            t = t.AddSeconds(_f.Random.Between(4, 9));
            collector.Add(_f.S3(t, assumed.Session, "PutObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, ip,
                UserAgents.NightlyExport, false, PartKey(hourStart, part), new JsonMap { { "x-amz-server-side-encryption", "AES256" } },
                new JsonMap { { "x-amz-server-side-encryption", "AES256" } }, bytesIn: PartSize(hourStart, part),
                vpcEndpointId: Cast.S3GatewayEndpoint));
        }
    }
}
