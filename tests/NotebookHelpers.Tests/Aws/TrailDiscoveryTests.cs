using NotebookHelpers.Aws.CloudTrail;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class TrailDiscoveryTests
{
    private const string TrailArn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events";

    private const string MultiRegionTrail = $$"""
        {"trailList":[{"Name":"management-events","S3BucketName":"aws-cloudtrail-logs-111122223333-a1b2","S3KeyPrefix":"org",
          "IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":true,"HomeRegion":"us-east-1","TrailARN":"{{TrailArn}}",
          "LogFileValidationEnabled":false,"CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-logs-111122223333:*",
          "HasCustomEventSelectors":true,"HasInsightSelectors":false,"IsOrganizationTrail":false}]}
        """;

    private static DiscoveryServer Serve(string status, string selectors, string? describe = null) => new(describe ?? MultiRegionTrail, status, selectors);

    [Fact]
    public async Task SaysThatLoggingStoppedDuringTheIncidentAndThatS3ReadsAreInvisible()
    {
        var fake = Serve(
            """{"IsLogging":false,"StartLoggingTime":1.6990000E9,"StopLoggingTime":1.699180000E9,"LatestDeliveryTime":1.699179000E9}""",
            $$"""{"TrailARN":"{{TrailArn}}","AdvancedEventSelectors":[{"Name":"Management events selector","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]}""");
        await using var server = await FakeAwsServer.StartAsync(fake.Handle);
        using var session = TestAws.Session(server);

        var result = await new TrailDiscovery(new CloudTrailClient(session.Sender))
            .DiscoverAsync(["us-east-1", "eu-west-1"], new DateTimeOffset(2023, 11, 5, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        var trail = Assert.Single(result.Trails);
        Assert.Equal("aws-cloudtrail-logs-111122223333", trail.Trail.LogGroupName);
        Assert.Equal(["aws-cloudtrail-logs-111122223333"], result.LogGroups);
        Assert.Equal(["s3://aws-cloudtrail-logs-111122223333-a1b2/org"], result.Buckets);
        Assert.False(trail.Status!.IsLogging);
        AssertCoverage(trail.Coverage!, reads: true, writes: true, s3Reads: [], s3Writes: [], advanced: true);
        Assert.Contains("Trail management-events is NOT logging: it was stopped at 2023-11-05T10:26:40Z; nothing after that is in its files — during the incident window: look for StopLogging in Event History (nbh lookup --event-name StopLogging).", result.Verdict);
        Assert.Contains(result.Verdict, v => v.StartsWith("No logging trail records S3 data events", StringComparison.Ordinal));
        Assert.Contains(result.Verdict, v => v.Contains("log file validation off", StringComparison.Ordinal));
        Assert.Equal(["us-east-1", "us-east-1"], server.Requests.Where(r => r.Operation is "GetTrailStatus" or "GetEventSelectors").Select(r => r.Region));
        Assert.Equal(TrailArn, server.Requests.Single(r => r.Operation == "GetTrailStatus").Json.GetProperty("Name").GetString());
        Assert.Equal(TrailArn, server.Requests.Single(r => r.Operation == "GetEventSelectors").Json.GetProperty("TrailName").GetString());
    }

    [Fact]
    public async Task ReadsBasicSelectorsForOneBucketAndWriteOnlyManagementEvents()
    {
        var fake = Serve(
            """{"IsLogging":true,"LatestDeliveryError":"AccessDenied"}""",
            """{"EventSelectors":[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true,"DataResources":[]},{"ReadWriteType":"All","IncludeManagementEvents":false,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::customer-data/"]}]}]}""");
        await using var server = await FakeAwsServer.StartAsync(fake.Handle);
        using var session = TestAws.Session(server);

        var result = await new TrailDiscovery(new CloudTrailClient(session.Sender)).DiscoverAsync(["us-east-1"], null, CancellationToken.None);

        AssertCoverage(result.Trails[0].Coverage!, reads: false, writes: true, s3Reads: ["customer-data"], s3Writes: ["customer-data"], advanced: false);
        Assert.Contains(result.Verdict, v => v.Contains("does not record read-only management calls", StringComparison.Ordinal));
        Assert.Contains("S3 object reads (GetObject) are recorded only for customer-data: reads of any other bucket are invisible.", result.Verdict);
        Assert.Contains(result.Verdict, v => v.Contains("last S3 delivery failed (AccessDenied)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaysThatOnlyEventHistoryExistsWhenThereIsNoTrail()
    {
        var fake = Serve("{}", "{}", """{"trailList":[]}""");
        await using var server = await FakeAwsServer.StartAsync(fake.Handle);
        using var session = TestAws.Session(server);

        var result = await new TrailDiscovery(new CloudTrailClient(session.Sender)).DiscoverAsync(["us-east-1", "eu-west-1"], null, CancellationToken.None);

        Assert.Empty(result.Trails);
        Assert.StartsWith("No trail exists: the only record is CloudTrail Event History", Assert.Single(result.Verdict), StringComparison.Ordinal);
    }

    private static void AssertCoverage(EventCoverage coverage, bool reads, bool writes, string[] s3Reads, string[] s3Writes, bool advanced)
    {
        Assert.Equal((reads, writes, advanced), (coverage.ManagementReads, coverage.ManagementWrites, coverage.UsesAdvancedSelectors));
        Assert.Equal(s3Reads, coverage.S3ObjectReads);
        Assert.Equal(s3Writes, coverage.S3ObjectWrites);
    }

    private sealed class DiscoveryServer(string describe, string status, string selectors)
    {
        public FakeResponse Handle(RecordedRequest request) => request.Operation switch
        {
            "DescribeTrails" => FakeResponse.Json(describe),
            "GetTrailStatus" => FakeResponse.Json(status),
            "GetEventSelectors" => FakeResponse.Json(selectors),
            _ => FakeResponse.JsonError("UnknownOperationException", request.Operation),
        };
    }
}
