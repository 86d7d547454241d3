using System.Globalization;
using System.Text.RegularExpressions;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Insights;

/// <summary>
/// Queries over the real third-party recordings, each checked against the same answer computed a second way:
/// LINQ over the <see cref="CloudTrailEvent"/>s the evidence reader returns.
/// </summary>
public class DatasetParityTests
{
    private static readonly Lazy<IReadOnlyList<CloudTrailEvent>> Invictus = new(() => Read("invictus-ir-aws-dataset/CloudTrail"));
    private static readonly Lazy<IReadOnlyList<CloudTrailEvent>> Sans = new(() => Read("suzaku-sample-data-sans504/SANS-504-S3-ransomware-lab"));
    private static readonly Lazy<IReadOnlyList<CloudTrailEvent>> Stratus = new(() => Read("stratus-red-team-detonation-logs"));

    [SharedDataFact]
    public async Task TamperingEventsCountAsInTheDatasetReadme()
    {
        var r = await Query("invictus-ir-aws-dataset/CloudTrail", "filter eventName in [\"StopLogging\",\"DeleteTrail\"] | stats count(*) as n by eventName");
        Assert.Equal(["eventName=DeleteTrail; n=3", "eventName=StopLogging; n=3"], r.Lines());
        var linq = Invictus.Value.Where(e => e.EventName is "StopLogging" or "DeleteTrail").GroupBy(e => e.EventName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"eventName={g.Key}; n={g.Count()}");
        Assert.Equal(linq, r.Lines());
        Assert.Equal(Invictus.Value.Count, r.Statistics.RecordsScanned);
    }

    [SharedDataFact]
    public async Task CountsByServiceAndActionMatchLinq()
    {
        var r = await Query("invictus-ir-aws-dataset/CloudTrail", "stats count(*) as n by eventSource, eventName");
        var linq = Invictus.Value.GroupBy(e => (e.EventSource, e.EventName)).ToDictionary(g => $"{g.Key.EventSource}/{g.Key.EventName}", g => g.Count().ToString(CultureInfo.InvariantCulture));
        var ours = r.Rows.ToDictionary(row => $"{row.Get("eventSource")}/{row.Get("eventName")}", row => row.Get("n"));
        Assert.Equal(linq.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, (string?)x.Value)), ours.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Value)));
    }

    [SharedDataFact]
    public async Task TheBenchmarkQueryMatchesLinqOnTheRansomwareLab()
    {
        var r = await Query("suzaku-sample-data-sans504/SANS-504-S3-ransomware-lab", "filter errorCode like /Denied|Unauthorized/ | stats count(*) as n by userIdentity.arn, errorCode");
        var pattern = new Regex("Denied|Unauthorized");
        var linq = Sans.Value.Where(e => e.ErrorCode is { } c && pattern.IsMatch(c))
            .GroupBy(e => (Arn: e.GetString("userIdentity.arn"), e.ErrorCode))
            .Select(g => (g.Key.Arn, g.Key.ErrorCode, N: g.Count()))
            .OrderBy(x => x.Arn, StringComparer.Ordinal).ThenBy(x => x.ErrorCode, StringComparer.Ordinal)
            .Select(x => string.Join("; ", new[] { x.Arn is null ? null : $"userIdentity.arn={x.Arn}", $"errorCode={x.ErrorCode}", $"n={x.N}" }.OfType<string>()))
            .ToList();
        Assert.Equal(linq.Order(StringComparer.Ordinal), r.Lines().Order(StringComparer.Ordinal));
        Assert.Equal(Sans.Value.Count(e => e.ErrorCode is { } c && pattern.IsMatch(c)), r.Statistics.RecordsMatched);
        Assert.True(r.Statistics.RecordsMatched > 10_000);
    }

    [SharedDataFact]
    public async Task HourlyBinsMatchLinq()
    {
        var r = await OfflineQueryRunner.FromEvents(Sans.Value).RunAsync("stats count(*) as n by bin(1h)", TimeRange.All);
        var linq = Sans.Value.GroupBy(e => new DateTimeOffset(e.EventTime.Year, e.EventTime.Month, e.EventTime.Day, e.EventTime.Hour, 0, 0, TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g => $"bin(1h)={g.Key.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}; n={g.Count()}");
        Assert.Equal(linq, r.Lines());
    }

    [SharedDataFact]
    public async Task ActivityOfTheRansomwareKeyMatchesLinqInTimeOrder()
    {
        var query = InvestigationQueries.ActivityByAccessKey("AKIAU7JNXC7K6YHPTBHL");
        var r = await OfflineQueryRunner.FromEvents(Sans.Value).RunAsync(query, TimeRange.All);
        var linq = Sans.Value.Where(e => e.UserIdentity?.AccessKeyId == "AKIAU7JNXC7K6YHPTBHL").ToList();
        Assert.Equal(Math.Min(linq.Count, InsightsLimits.DefaultLimit), r.Rows.Count);
        Assert.Equal(linq.Count, r.Statistics.RecordsMatched);
        var times = r.Column<DateTimeOffset>("@timestamp");
        Assert.Equal(times.Order(), times);
        Assert.Equal(linq.Min(e => e.EventTime), times[0]);
    }

    [SharedDataFact]
    public async Task SortedLimitKeepsTheTopRowsLikeOrderByTake()
    {
        var r = await Query("invictus-ir-aws-dataset/CloudTrail", "fields eventID | sort eventTime asc, eventID asc | limit 7");
        var linq = Invictus.Value.OrderBy(e => e.EventTime).ThenBy(e => e.EventID, Comparer<string?>.Create((a, b) => NotebookHelpers.Insights.Runtime.NaturalSortComparer.Instance.Compare(a, b))).Take(7).Select(e => e.EventID);
        Assert.Equal(linq, r.Column("eventID"));
    }

    [SharedDataFact]
    public async Task KeyCreationFindsIamAndStsKeysUnderBothPaths()
    {
        var iam = Stratus.Value.First(e => e.EventName == "CreateAccessKey").GetString("responseElements.accessKey.accessKeyId")!;
        var sts = Stratus.Value.First(e => e.GetString("responseElements.credentials.accessKeyId") is not null).GetString("responseElements.credentials.accessKeyId")!;
        var runner = OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs")]);
        var created = await runner.RunAsync(InvestigationQueries.KeyCreation(iam), TimeRange.All);
        Assert.Equal(["CreateAccessKey"], created.Column("eventName"));
        var issued = await runner.RunAsync(InvestigationQueries.KeyCreation(sts), TimeRange.All);
        Assert.Equal(Stratus.Value.Where(e => e.GetString("responseElements.credentials.accessKeyId") == sts).Select(e => e.EventName), issued.Column("eventName"));
        var all = await runner.RunAsync(InvestigationQueries.AccessKeysCreated(), TimeRange.All);
        Assert.Equal(Stratus.Value.Count(e => e.EventName == "CreateAccessKey" && e.EventSource == "iam.amazonaws.com"), all.Rows.Count);
    }

    [SharedDataFact]
    public async Task CatalogueQueriesMatchLinqOnTheAttackSimulation()
    {
        var runner = OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]);
        var created = await runner.RunAsync(InvestigationQueries.UsersAndRolesCreated(), TimeRange.All);
        Assert.Equal(Invictus.Value.Count(e => e.EventSource == "iam.amazonaws.com" && e.EventName is "CreateUser" or "CreateRole"), created.Rows.Count);
        var denied = await runner.RunAsync(InvestigationQueries.AccessDenied(), TimeRange.All);
        Assert.Equal(Invictus.Value.Count(e => e.ErrorCode is { } c && Regex.IsMatch(c, "Unauthorized|Denied|Forbidden")), denied.Rows.Count);
        var recon = await runner.RunAsync(InvestigationQueries.ListBucketsRecon(), TimeRange.All);
        Assert.Equal(Invictus.Value.Count(e => e.EventName == "ListBuckets"), recon.Rows.Count);
        var ip = Invictus.Value.First(e => e.SourceIPAddress is not null).SourceIPAddress!;
        var byIp = await runner.RunAsync(InvestigationQueries.ActivityByIp(ip), TimeRange.All);
        Assert.Equal(Invictus.Value.Count(e => e.SourceIPAddress == ip), byIp.Statistics.RecordsMatched);
    }

    [SharedDataFact]
    public async Task TheOtrfRecordsTimestampKeyBecomesDoubleAtAndStillDatesTheEvent()
    {
        var path = RepositoryPaths.SharedDataset("otrf-security-datasets/ec2_proxy_s3_exfiltration.zip");
        var events = EvidenceReader.ReadAll([path]).Events;
        var r = await OfflineQueryRunner.FromPaths([path]).RunAsync("fields @timestamp, @@timestamp, eventName | sort @timestamp asc | limit 1", TimeRange.All);
        var first = events.OrderBy(e => e.EventTime).First();
        Assert.Equal(first.EventTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), r.Column("@timestamp")[0]);
        Assert.Equal(first.GetString("@timestamp"), r.Column("@@timestamp")[0]);
    }

    [SharedDataFact]
    public async Task ATimeRangeSelectsTheSameEventsAsLinq()
    {
        var start = new DateTimeOffset(2023, 7, 10, 12, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2023, 7, 10, 12, 10, 0, TimeSpan.Zero);
        var r = await OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail")]).RunAsync("stats count(*) as n", new TimeRange(start, end));
        Assert.Equal([Invictus.Value.Count(e => e.EventTime >= start && e.EventTime <= end)], r.Column<int>("n"));
    }

    [SharedDataFact]
    public async Task InMemoryEventsGiveTheSameAnswerAsFiles()
    {
        const string Query = "filter ispresent(errorCode) | stats count(*) as n, count_distinct(sourceIPAddress) as ips by errorCode | sort n desc";
        var fromFiles = await Query2("invictus-ir-aws-dataset/CloudTrail", Query);
        var fromEvents = await OfflineQueryRunner.FromEvents(Invictus.Value).RunAsync(Query, TimeRange.All);
        Assert.Equal(fromFiles.Lines(), fromEvents.Lines());

        static Task<QueryResults> Query2(string path, string q) => OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset(path)]).RunAsync(q, TimeRange.All);
    }

    private static Task<QueryResults> Query(string dataset, string query) =>
        OfflineQueryRunner.FromPaths([RepositoryPaths.SharedDataset(dataset)]).RunAsync(query, TimeRange.All);

    private static IReadOnlyList<CloudTrailEvent> Read(string dataset) => EvidenceReader.ReadAll([RepositoryPaths.SharedDataset(dataset)]).Events;
}
