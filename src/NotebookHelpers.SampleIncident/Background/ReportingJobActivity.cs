using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Background;

/// <summary>
/// The legitimate use of the key that later leaks: at 06:00 every day the reporting server (behind the office NAT)
/// checks its identity, assumes the analytics role to run an Athena query and uploads the daily report to the
/// sensitive bucket. An investigation must tell this known pattern apart from the attacker's use of the same key.
/// After the key is deactivated (11 March, 11:58) the job can no longer run; the recording ends before the next one.
/// </summary>
internal sealed class ReportingJobActivity : IBackgroundActivity
{
    private readonly RecordFactory _f;

    public ReportingJobActivity(long seed, int scale)
    {
        _ = scale;
        _f = new RecordFactory(DeterministicRandom.Create(seed, "reporting-job"));
    }

    public static IamUserIdentity Identity { get; } =
        new(Accounts.Production, Cast.LeakedUser, Cast.LeakedUserId, Cast.LeakedAccessKeyId);

    public void Generate(DateTimeOffset hourStart, IEventCollector collector)
    {
        if (hourStart.Hour != 6)
        {
            return;
        }

        var ip = Cast.ReportingServerIp;
        var ua = UserAgents.ReportingJob;
        var t = hourStart.AddSeconds(_f.Random.Between(2, 50));
        collector.Add(_f.Call(t, Identity, "sts", "GetCallerIdentity", Regions.UsEast1, ip, ua, true));
        t = t.AddSeconds(1);
        var assumed = StsRecords.AssumeRole(_f, t, Identity, Cast.AnalyticsCrossAccountRole, "reporting-daily", Regions.UsEast1, ip, ua);
        foreach (var r in assumed.Records)
        {
            collector.Add(r);
        }

        var session = assumed.Session;
        var queryId = _f.Random.Uuid();
        t = t.AddSeconds(2);
        collector.Add(_f.Call(t, session, "athena", "StartQueryExecution", Regions.EuWest1, ip, ua, false,
            new JsonMap
            {
                { "queryString", "SELECT region, sum(amount) AS revenue FROM sales.orders_daily WHERE day = date_add('day', -1, current_date) GROUP BY region" },
                { "clientRequestToken", _f.Random.Uuid() },
                { "queryExecutionContext", new JsonMap { { "database", "sales" } } },
                { "workGroup", "reporting" },
            },
            new JsonMap { { "queryExecutionId", queryId } }));
        for (var i = 0; i < 3; i++)
        {
            t = t.AddSeconds(_f.Random.Between(2, 5));
            collector.Add(_f.Call(t, session, "athena", "GetQueryExecution", Regions.EuWest1, ip, ua, true,
                new JsonMap { { "queryExecutionId", queryId } }));
        }

        t = t.AddSeconds(1);
        collector.Add(_f.Call(t, session, "athena", "GetQueryResults", Regions.EuWest1, ip, ua, true,
            new JsonMap { { "queryExecutionId", queryId } }));
        t = t.AddSeconds(_f.Random.Between(20, 40));
        var day = hourStart.UtcDateTime.AddDays(-1);
        collector.Add(_f.S3(t, Identity, "PutObject", Accounts.SensitiveBucket, Accounts.SensitiveBucketRegion, ip, ua, false,
            $"reports/daily/{day:yyyy-MM-dd}/revenue-by-region.pdf", new JsonMap { { "x-amz-server-side-encryption", "AES256" } },
            new JsonMap { { "x-amz-server-side-encryption", "AES256" } }, bytesIn: _f.Random.Between(180_000, 260_000)));
    }
}
