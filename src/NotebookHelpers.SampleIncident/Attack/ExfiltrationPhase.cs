using NotebookHelpers.SampleIncident.Background;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Attack;

/// <summary>
/// <c>aws s3 sync</c> of this month's customer exports: one ListObjects and a GetObject per object, all S3 data
/// events (in the trail and the CloudWatch Logs copy, never in Event History).
/// </summary>
internal static class ExfiltrationPhase
{
    public const string Phase = "exfiltration";
    public const string Prefix = "exports/customers/2025/03/";

    /// <summary>Nights 1 to 11 March, each with <see cref="NightlyExportActivity.PartsPerNight"/> parts.</summary>
    public static readonly IReadOnlyList<DateTimeOffset> Nights =
        Enumerable.Range(1, 11).Select(d => new DateTimeOffset(2025, 3, d, 2, 0, 0, TimeSpan.Zero)).ToList();

    public static void Run(AttackContext c)
    {
        var f = c.F;
        var key = AttackContext.BackdoorKey;
        var ip = Cast.OperatorIp;
        var bucket = Accounts.SensitiveBucket;
        var region = Accounts.SensitiveBucketRegion;
        var sync = UserAgents.AttackerCli("s3.sync");

        c.Plant(Phase, "Buckets", f.Call(Timeline.At(10, 31, 2), key, "s3", "ListBuckets", Regions.UsEast1, ip,
            UserAgents.AttackerCli("s3.ls"), true, new JsonMap { { "Host", "s3.amazonaws.com" } }));
        c.Plant(Phase, "Lists the customer exports (data event)", f.S3(Timeline.At(10, 33, 5), key, "ListObjects", bucket, region, ip, sync, true,
            extraRequest: new JsonMap { { "list-type", "2" }, { "prefix", Prefix }, { "encoding-type", "url" } }, bytesOut: 61_874));

        var t = Timeline.At(10, 33, 6);
        var first = true;
        foreach (var night in Nights)
        {
            for (var part = 0; part < NightlyExportActivity.PartsPerNight; part++)
            {
                var record = f.S3(t, key, "GetObject", bucket, region, ip, sync, true, NightlyExportActivity.PartKey(night, part),
                    bytesOut: NightlyExportActivity.PartSize(night, part));
                if (first)
                {
                    c.Plant(Phase, "First GetObject of the burst", record);
                    first = false;
                }
                else
                {
                    c.Bulk.Add(record);
                }

                // s3 sync runs ten transfers at once: about 0.7 objects a second.
                t = t.AddSeconds(c.Timing.Chance(0.6) ? 1 : c.Timing.Between(2, 3));
            }
        }
    }

    public static int ObjectCount => Nights.Count * NightlyExportActivity.PartsPerNight;

    public static long ByteCount => Nights.Sum(n => Enumerable.Range(0, NightlyExportActivity.PartsPerNight).Sum(p => NightlyExportActivity.PartSize(n, p)));
}
