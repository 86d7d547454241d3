using System.Collections.Concurrent;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class CloudWatchLogsQueryRunnerTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 19, 6, 0, 0, TimeSpan.Zero);

    private static CloudWatchLogsQueryOptions Fast(int rowLimit = 10_000, int concurrency = 4) => new()
    {
        RowLimit = rowLimit,
        PollInitialDelay = TimeSpan.FromMilliseconds(1),
        PollMaxDelay = TimeSpan.FromMilliseconds(5),
        MaxConcurrentQueries = concurrency,
    };

    private static string Recorded(string name) => File.ReadAllText(RepositoryPaths.SharedDataset("api-responses/" + name));

    [SharedDataFact("api-responses/GetQueryResults.sans-workshop.running.json")]
    public async Task PollsThroughScheduledAndRunningUntilCompleteWithRecordedResponses()
    {
        var polls = 0;
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "StartQuery" => FakeResponse.Json("""{"queryId":"2dac81d5-a6a5-45d7-b355-c842b1a7c0c5"}"""),
            "GetQueryResults" => ++polls switch
            {
                1 => FakeResponse.Json("""{"results":[],"status":"Scheduled"}"""),
                2 => FakeResponse.Json(Recorded("GetQueryResults.sans-workshop.running.json")),
                _ => FakeResponse.Json(Recorded("GetQueryResults.aws-cli-example.json")),
            },
            _ => FakeResponse.JsonError("UnknownOperationException", r.Operation),
        });
        using var session = TestAws.Session(server, "eu-west-1");
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "eu-west-1", ["demo-log-group"], Fast());

        var results = await runner.RunAsync("fields @timestamp, @message | sort @timestamp desc", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Equal(QueryStatus.Complete, results.Status);
        Assert.Equal(3, results.Rows.Count);
        Assert.Equal(["@timestamp", "@message", "@logStream"], results.Columns);
        Assert.Equal(new ResultField("@message", "Test BENCHMARK 3"), results.Rows[0][1]);
        Assert.DoesNotContain(results.Rows.SelectMany(r => r), f => f.Field == "@ptr");
        Assert.Equal(new QueryStatistics(3, 3, 141), results.Statistics);
        Assert.Empty(results.Warnings);

        var requests = server.Requests;
        Assert.Equal(["StartQuery", "GetQueryResults", "GetQueryResults", "GetQueryResults"], requests.Select(r => r.Operation));
        Assert.All(requests, r =>
        {
            Assert.True(r.Signature.IsValid, r.Signature.Problem);
            Assert.Equal(("logs", "eu-west-1", TestAws.AccessKeyId, "20260301T120000Z"), (r.Service, r.Region, r.Signature.AccessKeyId, r.Signature.AmzDate));
            Assert.Equal("application/x-amz-json-1.1", r.Headers["content-type"]);
            Assert.StartsWith("Logs_20140328.", r.Target, StringComparison.Ordinal);
        });
        var start = requests[0].Json;
        Assert.Equal("demo-log-group", start.GetProperty("logGroupNames")[0].GetString());
        Assert.Equal(Start.ToUnixTimeSeconds(), start.GetProperty("startTime").GetInt64());
        Assert.Equal(Start.AddHours(1).ToUnixTimeSeconds(), start.GetProperty("endTime").GetInt64());
        Assert.Equal("fields @timestamp, @message | sort @timestamp desc", start.GetProperty("queryString").GetString());
        Assert.Equal(10_000, start.GetProperty("limit").GetInt32());
        Assert.Equal("2dac81d5-a6a5-45d7-b355-c842b1a7c0c5", requests[1].Json.GetProperty("queryId").GetString());
    }

    [SharedDataFact("api-responses/GetQueryResults.sans-workshop.missing-field-row.json")]
    public async Task KeepsOnlyTheFieldsPresentInEachRowOfTheRecordedWorkshopResponse()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation == "StartQuery"
            ? FakeResponse.Json("""{"queryId":"q1"}""")
            : FakeResponse.Json(Recorded("GetQueryResults.sans-workshop.missing-field-row.json")));
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["/aws/api_gw/evidence_api"], Fast());

        var results = await runner.RunAsync("fields integrationErrorMessage", Start, Start.AddDays(1), null, CancellationToken.None);

        Assert.Equal(8, results.Rows.Count);
        Assert.Equal(["integrationErrorMessage"], results.Columns);
        Assert.Empty(results.Rows[7]);
        Assert.Contains("&lt;!--#exec", results.Rows[2][0].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Failed", QueryStatus.Failed)]
    [InlineData("Cancelled", QueryStatus.Cancelled)]
    [InlineData("Timeout", QueryStatus.Timeout)]
    public async Task ReportsAQueryThatEndsWithoutCompletingAsIncomplete(string awsStatus, QueryStatus expected)
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation == "StartQuery"
            ? FakeResponse.Json("""{"queryId":"q1"}""")
            : FakeResponse.Json($$"""{"results":[[{"field":"@message","value":"partial"}]],"status":"{{awsStatus}}"}"""));
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], Fast());

        var results = await runner.RunAsync("fields @message", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Equal(expected, results.Status);
        Assert.Single(results.Rows);
        Assert.Contains(results.Warnings, w => w.StartsWith("INCOMPLETE", StringComparison.Ordinal) && w.Contains(awsStatus, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopsTheQueryWhenTheCallerCancels()
    {
        using var cancel = new CancellationTokenSource();
        var stopped = new ConcurrentQueue<string>();
        await using var server = await FakeAwsServer.StartAsync(r =>
        {
            switch (r.Operation)
            {
                case "StartQuery":
                    return FakeResponse.Json("""{"queryId":"q-cancel-me"}""");
                case "StopQuery":
                    stopped.Enqueue(r.Json.GetProperty("queryId").GetString()!);
                    return FakeResponse.Json("""{"success":true}""");
                default:
                    cancel.Cancel();
                    return FakeResponse.Json("""{"results":[],"status":"Running"}""");
            }
        });
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], Fast());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync("fields @message", Start, Start.AddHours(1), null, cancel.Token));

        Assert.Equal(["q-cancel-me"], stopped);
    }

    [Fact]
    public async Task StopsAQueryThatRunsLongerThanTheTimeoutAndKeepsItsPartialRows()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "StartQuery" => FakeResponse.Json("""{"queryId":"q-slow"}"""),
            "StopQuery" => FakeResponse.Json("""{"success":true}"""),
            _ => FakeResponse.Json("""{"results":[[{"field":"@message","value":"early"}]],"status":"Running"}"""),
        });
        using var session = TestAws.Session(server);
        var options = new CloudWatchLogsQueryOptions
        {
            PollInitialDelay = TimeSpan.FromMilliseconds(5),
            PollMaxDelay = TimeSpan.FromMilliseconds(5),
            // Long enough for the first poll to come back on a busy CI machine (its row must be kept), short for a test.
            QueryTimeout = TimeSpan.FromSeconds(1),
        };
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], options);

        var results = await runner.RunAsync("fields @message", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Equal(QueryStatus.Timeout, results.Status);
        Assert.Equal("early", Assert.Single(results.Rows)[0].Value);
        Assert.Contains(server.Requests, r => r.Operation == "StopQuery" && r.Json.GetProperty("queryId").GetString() == "q-slow");
        Assert.Contains(results.Warnings, w => w.Contains("was stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SplitsTheRangeUntilEveryPartIsUnderTheRowLimitAndReturnsEveryRowNewestFirst()
    {
        var t0 = Start.ToUnixTimeSeconds();
        var events = Enumerable.Range(0, 45).Select(i => (t0 + (i * 80), $"event {i}")).ToList();
        var logs = new FakeLogsInsights(events, pollsBeforeComplete: 1);
        await using var server = await FakeAwsServer.StartAsync(logs.Handle);
        using var session = TestAws.Session(server);
        var progress = new ConcurrentQueue<QueryProgress>();
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["CloudTrail/logs"], Fast(rowLimit: 10, concurrency: 2));

        var results = await runner.RunAsync(
            "fields @timestamp, @message | filter eventName = 'x'", new TimeRange(Start, Start.AddHours(1)), new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(QueryStatus.Complete, results.Status);
        Assert.Equal(45, results.Rows.Count);
        var messages = results.Rows.Select(r => r.Single(f => f.Field == "@message").Value).ToList();
        Assert.Equal(Enumerable.Range(0, 45).Reverse().Select(i => $"event {i}"), messages);
        Assert.All(logs.Started, s => Assert.Equal(10, s.Limit));
        Assert.True(logs.Started.Count > 5, $"expected several sub-queries, got {logs.Started.Count}");
        Assert.True(logs.MaxConcurrent <= 2, $"{logs.MaxConcurrent} queries ran at once");
        Assert.Contains(results.Warnings, w => w.Contains("split", StringComparison.Ordinal));
        Assert.Contains(progress, p => p.Message!.Contains("splitting", StringComparison.Ordinal));
        Assert.Equal(45, results.Statistics.RecordsMatched);
    }

    [Fact]
    public async Task DoesNotSplitAnAggregatingQueryButWarnsThatItHitTheLimit()
    {
        var t0 = Start.ToUnixTimeSeconds();
        var logs = new FakeLogsInsights(Enumerable.Range(0, 20).Select(i => (t0 + i, $"e{i}")), pollsBeforeComplete: 0);
        await using var server = await FakeAwsServer.StartAsync(logs.Handle);
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], Fast(rowLimit: 5));

        var results = await runner.RunAsync("stats count(*) by sourceIPAddress", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Single(logs.Started);
        Assert.Equal(5, results.Rows.Count);
        Assert.Contains(results.Warnings, w => w.Contains("stats", StringComparison.Ordinal) && w.Contains("incomplete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetriesAThrottledStartQuery()
    {
        var attempts = 0;
        var notices = new ConcurrentQueue<AwsRetryNotice>();
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "StartQuery" when ++attempts < 3 => FakeResponse.JsonError("ThrottlingException", "Rate exceeded"),
            "StartQuery" => FakeResponse.Json("""{"queryId":"q1"}"""),
            _ => FakeResponse.Json("""{"results":[],"status":"Complete"}"""),
        });
        using var session = TestAws.Session(server, options: TestAws.FastOptions(notices.Enqueue));
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], Fast());

        var results = await runner.RunAsync("fields @message", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Equal(QueryStatus.Complete, results.Status);
        Assert.Equal(3, attempts);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(AwsErrorKind.Throttling, n.Error.Kind));
    }

    [Fact]
    public async Task WaitsForASlotWhenTheAccountQueryQuotaIsFull()
    {
        var attempts = 0;
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "StartQuery" when ++attempts == 1 => FakeResponse.JsonError("LimitExceededException", "Account maximum query concurrency limit of [30] reached."),
            "StartQuery" => FakeResponse.Json("""{"queryId":"q1"}"""),
            _ => FakeResponse.Json("""{"results":[],"status":"Complete"}"""),
        });
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["g"], Fast());

        var results = await runner.RunAsync("fields @message", Start, Start.AddHours(1), null, CancellationToken.None);

        Assert.Equal(QueryStatus.Complete, results.Status);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ReportsAnUnknownLogGroupAsNotFound()
    {
        await using var server = await FakeAwsServer.StartAsync(_ =>
            FakeResponse.JsonError("ResourceNotFoundException", "Log group 'nope' does not exist for account ID '123456789012'"));
        using var session = TestAws.Session(server);
        var runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), "us-east-1", ["nope"], Fast());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => runner.RunAsync("fields @message", Start, Start.AddHours(1), null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("StartQuery", error.Operation);
    }

    [Fact]
    public async Task ListsEveryPageOfLogGroups()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Json.TryGetProperty("nextToken", out _)
            ? FakeResponse.Json("""{"logGroups":[{"logGroupName":"aws-cloudtrail-logs-2","arn":"arn:aws:logs:us-east-1:1:log-group:aws-cloudtrail-logs-2:*","creationTime":1700000000000,"storedBytes":5}]}""")
            : FakeResponse.Json("""{"logGroups":[{"logGroupName":"aws-cloudtrail-logs-1","retentionInDays":90}],"nextToken":"t2"}"""));
        using var session = TestAws.Session(server);

        var groups = await new CloudWatchLogsClient(session.Sender).DescribeLogGroupsAsync("us-east-1", "aws-cloudtrail", CancellationToken.None);

        Assert.Equal(["aws-cloudtrail-logs-1", "aws-cloudtrail-logs-2"], groups.Select(g => g.Name));
        Assert.Equal(90, groups[0].RetentionDays);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), groups[1].CreatedAt);
        Assert.Equal("aws-cloudtrail", server.Requests[0].Json.GetProperty("logGroupNamePrefix").GetString());
    }

    private sealed class SyncProgress(ConcurrentQueue<QueryProgress> sink) : IProgress<QueryProgress>
    {
        public void Report(QueryProgress value) => sink.Enqueue(value);
    }
}
