using System.Text.Json;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// A live AWS account on loopback for the notebooks' live parameters: one <see cref="FakeAwsServer"/> answering every
/// service the notebooks reach, all telling the same small story that exists nowhere but here: the key
/// <see cref="LeakedKey"/> of <c>ci-deploy</c> launching instances from <see cref="AttackerIp"/> in three regions within
/// minutes (a multi-region launch), and reading one S3 object. Event History is <see cref="FakeEventHistory"/> (2 pages
/// in us-east-1, 1 in eu-west-1 and ap-southeast-2, and a fourth enabled region whose LookupEvents a service control
/// policy denies), regions come from <see cref="FakeEc2"/>, IAM and STS from <see cref="IamResponses"/>. The trail holds
/// the same management events plus the S3 data event, which Event History never has: its CloudWatch Logs group is
/// <see cref="FakeLogsInsights"/> answering each query over those events, and its bucket holds them as one log file per
/// region.
/// </summary>
public sealed class LiveAccount : IAsyncDisposable
{
    public const string LeakedKey = "AKIAEXPOSEDKEY000001";
    public const string UserName = "ci-deploy";
    public const string AttackerIp = "198.51.100.7";
    public const string LogGroup = "aws-cloudtrail-logs-111122223333";
    public const string Bucket = "aws-cloudtrail-logs-111122223333-a1b2";
    public const string Start = "2023-11-14T00:00:00Z";
    public const string End = "2023-11-14T23:59:59Z";

    /// <summary>An enabled region where a service control policy denies LookupEvents: a sweep must say it is missing.</summary>
    public const string DeniedRegion = "ap-south-1";

    /// <summary>LookupEvents pages per region.</summary>
    public static readonly IReadOnlyDictionary<string, int> Pages = new Dictionary<string, int> { ["us-east-1"] = 2, ["eu-west-1"] = 1, ["ap-southeast-2"] = 1 };

    /// <summary>Markup in an attacker-controlled field (the user agent of the data event): data, never HTML.</summary>
    public const string HostileUserAgent = "<img src=x onerror=alert(1)>";

    /// <summary>A data event only the trail records: S3 object reads are never in Event History.</summary>
    public const string TrailOnlyDataEvent = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","userName":"ci-deploy","accessKeyId":"AKIAEXPOSEDKEY000001"},"eventTime":"2023-11-14T22:20:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"<img src=x onerror=alert(1)>","requestParameters":{"bucketName":"ci-artifacts","key":"prod/.env"},"additionalEventData":{"bytesTransferredOut":2048},"eventID":"trail-only-getobject-1","readOnly":true,"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::ci-artifacts/prod/.env"}],"eventType":"AwsApiCall","managementEvent":false,"eventCategory":"Data","recipientAccountId":"111122223333"}
        """;

    private readonly FakeEventHistory _history = new(Pages.ToDictionary())
    {
        Fault = (region, _) => region == DeniedRegion
            ? FakeResponse.JsonError("AccessDeniedException", $"User: arn:aws:iam::111122223333:user/ir-analyst is not authorized to perform: cloudtrail:LookupEvents with an explicit deny in a service control policy")
            : null,
    };

    private readonly FakeEc2 _ec2 = new([.. Pages.Keys.Append(DeniedRegion).Order(StringComparer.Ordinal)], new Dictionary<string, (string, string, string, string?, string?)[]>());
    private readonly FakeS3Bucket _bucket;
    private readonly FakeLogsInsights _logs;

    private LiveAccount(FakeAwsServer server, FakeLogsInsights logs, FakeS3Bucket bucket)
    {
        Server = server;
        _logs = logs;
        _bucket = bucket;
    }

    public FakeAwsServer Server { get; }

    /// <summary>The trail bucket's object keys.</summary>
    public static IReadOnlyList<string> TrailObjectKeys => [.. Pages.Keys.Order(StringComparer.Ordinal).Select(TrailObjectKey)];

    /// <summary>The management events, as Event History holds them (the CloudTrail record JSON).</summary>
    public static IReadOnlyList<string> ManagementEvents { get; } = [.. Pages.SelectMany(p => Enumerable.Range(0, p.Value).SelectMany(i => RecordsOfPage(p.Key, i, p.Value)))];

    /// <summary>Every event the trail holds: the management events and the data event.</summary>
    public static IReadOnlyList<string> TrailEvents { get; } = [.. ManagementEvents, TrailOnlyDataEvent.Trim()];

    public static async Task<LiveAccount> StartAsync()
    {
        var events = TrailEvents.Select((json, i) => CloudTrailEvent.Parse(json, new EvidenceLocation("live account", Entry: null, Line: i + 1))).ToList();
        var logs = new FakeLogsInsights(events.Select((e, i) => (e.EventTime.ToUnixTimeSeconds(), TrailEvents[i])), pollsBeforeComplete: 0)
        {
            Evaluate = (query, start, end, limit) => Evaluate(events, query, start, end, limit),
        };
        var bucket = new FakeS3Bucket(Bucket);
        foreach (var region in Pages.Keys)
        {
            var records = TrailEvents.Where(e => JsonDocument.Parse(e).RootElement.GetProperty("awsRegion").GetString() == region);
            bucket.Put(TrailObjectKey(region), "{\"Records\":[" + string.Join(",", records) + "]}");
        }

        LiveAccount? account = null;
        var server = await FakeAwsServer.StartAsync(r => account!.Handle(r));
        account = new LiveAccount(server, logs, bucket);
        return account;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static string TrailObjectKey(string region) =>
        $"AWSLogs/111122223333/CloudTrail/{region}/2023/11/14/111122223333_CloudTrail_{region}_20231114T2220Z_{region.Replace("-", "", StringComparison.Ordinal)}.json.gz";

    private static IEnumerable<string> RecordsOfPage(string region, int index, int count)
    {
        using var page = JsonDocument.Parse(FakeEventHistory.PageBody(region, index, count));
        return [.. page.RootElement.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("CloudTrailEvent").GetString()!)];
    }

    // The service's evaluation of a query: the library's offline engine over the same events, its rows sent back as
    // GetQueryResults sends them (every value a string). What is under test is the notebooks' live path around it.
    private static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Evaluate(IReadOnlyList<CloudTrailEvent> events, string query, long start, long end, int limit)
    {
        var range = new TimeRange(DateTimeOffset.FromUnixTimeSeconds(start), DateTimeOffset.FromUnixTimeSeconds(end));
        var results = OfflineQueryRunner.FromEvents(events, "live account").RunAsync(query, range).GetAwaiter().GetResult();
        return [.. results.Rows.Take(limit).Select(row => (IReadOnlyList<KeyValuePair<string, string>>)[.. row.Select(f => KeyValuePair.Create(f.Field, f.Value))])];
    }

    private FakeResponse Handle(RecordedRequest request) => request.Service switch
    {
        "logs" => _logs.Handle(request),
        "cloudtrail" => _history.Handle(request),
        "ec2" => _ec2.Handle(request),
        "s3" => _bucket.Handle(request),
        "iam" or "sts" => IamResponses.Standard(request),
        _ => FakeResponse.JsonError("UnknownService", "the live account does not serve " + request.Service + " (" + request.Operation + ")"),
    };
}
