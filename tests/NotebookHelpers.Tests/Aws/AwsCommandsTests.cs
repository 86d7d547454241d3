using System.Text.Json;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class AwsCommandsTests : IDisposable
{
    private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENNEVERPRINTED";
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "nbh-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeLogsInsights _logs = new(Enumerable.Range(0, 5).Select(i => (1_699_180_000L + i, $"{{\"eventName\":\"RunInstances\",\"n\":{i}}}")), pollsBeforeComplete: 1);
    private readonly FakeEventHistory _history = new(new() { ["us-east-1"] = 2, ["eu-west-1"] = 1 });
    private readonly FakeEc2 _ec2 = new(["eu-west-1", "us-east-1"], new Dictionary<string, (string, string, string, string?, string?)[]>
    {
        ["us-east-1"] = [("i-0aaa", "t3.micro", "2021-02-01T08:00:00.000Z", "ops", null)],
        ["eu-west-1"] =
        [
            ("i-0miner1", "p3.16xlarge", "2023-11-05T10:43:00.000Z", "attacker-key", "arn:aws:iam::111122223333:instance-profile/admin"),
            ("i-0miner2", "p3.16xlarge", "2023-11-05T10:44:00.000Z", "attacker-key", null),
        ],
    });

    private readonly FakeS3Bucket _bucket = new("trail-bucket");

    public AwsCommandsTests() =>
        _bucket.Put("AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/05/111122223333_CloudTrail_us-east-1_20231105T1045Z_abc.json.gz",
            """{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-05T10:41:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","eventID":"e-1"}]}""");

    public void Dispose()
    {
        if (Directory.Exists(_evidence))
        {
            foreach (var file in Directory.EnumerateFiles(_evidence, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_evidence, recursive: true);
        }
    }

    private FakeResponse Account(RecordedRequest request) => request.Service switch
    {
        "logs" => _logs.Handle(request),
        "cloudtrail" when request.Operation == "LookupEvents" => _history.Handle(request),
        "cloudtrail" => request.Operation switch
        {
            "DescribeTrails" => FakeResponse.Json("""{"trailList":[]}"""),
            _ => FakeResponse.JsonError("TrailNotFoundException", "no trail"),
        },
        "ec2" => _ec2.Handle(request),
        "s3" => _bucket.Handle(request),
        _ => IamResponses.Standard(request),
    };

    [Fact]
    public async Task QueriesACloudWatchLogsGroupThroughNbhQuery()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("query", "--logs", "cwl:eu-west-1:CloudTrail/DefaultLogGroup", "--start", "2023-11-05T00:00:00Z", "--end", "2023-11-06T00:00:00Z", "fields @timestamp, @message");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"n\":4", run.Out, StringComparison.Ordinal);
        var start = server.Requests.First(r => r.Operation == "StartQuery");
        Assert.Equal(("logs", "eu-west-1"), (start.Service, start.Region));
        Assert.Equal("CloudTrail/DefaultLogGroup", start.Json.GetProperty("logGroupNames")[0].GetString());
    }

    [Fact]
    public async Task LookupSweepsEveryEnabledRegionAndTheEvidenceReaderParsesThePages()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("lookup", "--access-key-id", "AKIAEXPOSEDKEY000001", "--regions", "all", "--start", "2023-11-01", "--evidence", _evidence);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("AccessKeyId=AKIAEXPOSEDKEY000001\tus-east-1\t2\t4\tcomplete", run.Out, StringComparison.Ordinal);
        Assert.Contains("AccessKeyId=AKIAEXPOSEDKEY000001\teu-west-1\t1\t2\tcomplete", run.Out, StringComparison.Ordinal);
        Assert.Contains("the evidence reader parsed 6 events", run.Error, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Service == "ec2" && r.Operation == "DescribeRegions");

        var again = await CliRun.RunAsync("lookup", "--access-key-id", "AKIAEXPOSEDKEY000001", "--regions", "all", "--start", "2023-11-01", "--evidence", _evidence);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("complete (2 pages resumed)", again.Out, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count(r => r.Operation == "LookupEvents"));
    }

    [Fact]
    public async Task ContainmentIsADryRunUntilConfirmedAndConfirmedActionsAreLogged()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var dry = await CliRun.RunAsync("contain", "deactivate-key", "AKIAEXPOSEDKEY000001");

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("DRY RUN — nothing was changed", dry.Out, StringComparison.Ordinal);
        Assert.Contains("iam:UpdateAccessKey UserName=ci-deploy AccessKeyId=AKIAEXPOSEDKEY000001 Status=Inactive", dry.Out, StringComparison.Ordinal);
        Assert.Contains("aws iam update-access-key --access-key-id AKIAEXPOSEDKEY000001 --status Inactive --user-name ci-deploy", dry.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Operation == "UpdateAccessKey");

        var refused = await CliRun.RunAsync("contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "--confirm");
        Assert.Equal(2, refused.ExitCode);
        Assert.DoesNotContain(server.Requests, r => r.Operation == "UpdateAccessKey");

        var done = await CliRun.RunAsync("contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "--confirm", "--evidence", _evidence);

        Assert.True(done.ExitCode == 0, done.Error);
        var update = Assert.Single(server.Requests, r => r.Operation == "UpdateAccessKey");
        Assert.Equal(("ci-deploy", "AKIAEXPOSEDKEY000001", "Inactive"), (update.Form["UserName"], update.Form["AccessKeyId"], update.Form["Status"]));
        var line = Assert.Single(File.ReadAllLines(Path.Combine(_evidence, EvidenceDirectory.ActionsFileName)));
        using var record = JsonDocument.Parse(line);
        Assert.Equal("UpdateAccessKey", record.RootElement.GetProperty("operation").GetString());
        Assert.Equal("succeeded", record.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("arn:aws:iam::111122223333:user/ir-analyst", record.RootElement.GetProperty("executedBy").GetString());
    }

    [Fact]
    public async Task PrintsTheRevokeOlderSessionsPolicyAndTheDenyAllCall()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var revoke = await CliRun.RunAsync("contain", "revoke-sessions", "--role", "ci-role", "--before", "2023-11-05T12:00:00Z");
        var deny = await CliRun.RunAsync("contain", "deny-all", "--user", "ci-deploy", "--confirm", "--evidence", _evidence);
        var password = await CliRun.RunAsync("contain", "delete-login-profile", "--user", "ci-deploy");

        Assert.Contains("""aws iam put-role-policy --role-name ci-role --policy-name AWSRevokeOlderSessions --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"2023-11-05T12:00:00Z"}}}]}'""", revoke.Out, StringComparison.Ordinal);
        Assert.True(deny.ExitCode == 0, deny.Error);
        var put = Assert.Single(server.Requests, r => r.Operation == "PutUserPolicy");
        Assert.Equal(("ci-deploy", "NbhQuarantineDenyAll"), (put.Form["UserName"], put.Form["PolicyName"]));
        Assert.Equal("Deny", JsonDocument.Parse(put.Form["PolicyDocument"]).RootElement.GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.Contains("aws iam delete-login-profile --user-name ci-deploy", password.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Operation is "DeleteLoginProfile" or "PutRolePolicy");
    }

    [Fact]
    public async Task KeyOwnerPrintsTheOwnerAndWhatItHolds()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("owner:             ci-deploy", run.Out, StringComparison.Ordinal);
        Assert.Contains("user key:          AKIASECONDKEY0000002 Active created 2023-11-05T10:45:00Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("attached policies: arn:aws:iam::aws:policy/AdministratorAccess", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepListsInstancesOfEveryRegionAcrossPagesAndMarksDeniedRegionsIncomplete()
    {
        _ec2.Denied.Add("ap-south-1");
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("sweep", "--regions", "us-east-1,eu-west-1,ap-south-1", "--evidence", _evidence);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("eu-west-1\ti-0miner2\trunning\tp3.16xlarge\t2023-11-05T10:44:00Z\tattacker-key\t\tami-0abcdef1234567890\t203.0.113.9", lines[1]);
        Assert.Contains("arn:aws:iam::111122223333:instance-profile/admin", lines[2], StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE: 1 regions could not be read (ap-south-1)", run.Error, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", run.Error, StringComparison.Ordinal);
        Assert.Single(EvidenceDirectory.Open(_evidence).Entries, e => e.Path.StartsWith("sweep/ec2-instances-", StringComparison.Ordinal));
        Assert.All(server.Requests.Where(r => r.Service == "ec2"), r => Assert.True(r.Signature.IsValid, r.Signature.Problem));
    }

    [Fact]
    public async Task FetchTrailSavesTheDaysObjectsThenTheyCanBeQueriedOffline()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var staging = Path.Combine(_evidence, NotebookHelpers.Evidence.EvidenceStaging.FolderName);
        Directory.CreateDirectory(staging);
        // The lock file a killed run leaves: it must not block this run. It stays (never deleted: deleting it let two
        // processes hold the lock at once), and is the only thing left in the staging folder.
        await File.WriteAllTextAsync(Path.Combine(staging, "manifest.lock"), "");

        var fetch = await CliRun.RunAsync("fetch-trail", "s3://trail-bucket", "--start", "2023-11-05", "--end", "2023-11-05T23:00:00Z", "--evidence", _evidence);
        var query = await CliRun.RunAsync("query", "--logs", Path.Combine(_evidence, "s3"), "stats count(*) by eventName");

        Assert.True(fetch.ExitCode == 0, fetch.Error);
        Assert.Contains("1 objects listed, 1 downloaded", fetch.Error, StringComparison.Ordinal);
        Assert.Equal(["manifest.lock"], Directory.EnumerateFileSystemEntries(staging).Select(Path.GetFileName));
        Assert.True(query.ExitCode == 0, query.Error);
        Assert.Contains("RunInstances", query.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailsSaysWhenOnlyEventHistoryExists()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("trails", "--regions", "us-east-1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("- No trail exists: the only record is CloudTrail Event History", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverWritesTheSecretKeyOrSessionTokenAnywhere()
    {
        _ec2.Denied.Add("ap-south-1");
        _history.Fault = (region, _) => region == "eu-west-1" ? FakeResponse.JsonError("AccessDeniedException", "denied", 400) : null;
        await using var server = await FakeAwsServer.StartAsync(Account);
        using var env = EnvironmentScope.ForServer(server, SessionToken);
        var runs = new List<CliRun.Outcome>
        {
            await CliRun.RunAsync("lookup", "--access-key-id", "AKIAEXPOSEDKEY000001", "--regions", "us-east-1,eu-west-1", "--evidence", _evidence),
            await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001"),
            await CliRun.RunAsync("contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "--delete", "--confirm", "--evidence", _evidence),
            await CliRun.RunAsync("sweep", "--regions", "us-east-1,ap-south-1", "--evidence", _evidence),
            await CliRun.RunAsync("fetch-trail", "s3://trail-bucket", "--start", "2023-11-05", "--end", "2023-11-05", "--evidence", _evidence),
            await CliRun.RunAsync("query", "--logs", "cwl:CloudTrail/logs", "fields @message"),
            await CliRun.RunAsync("trails", "--regions", "us-east-1"),
        };
        using (new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/" }))
        {
            runs.Add(await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001"));
        }

        Assert.Contains(server.Requests, r => r.Headers.GetValueOrDefault("x-amz-security-token") == SessionToken);
        Assert.Contains(runs, r => r.ExitCode != 0);
        foreach (var run in runs)
        {
            foreach (var secret in new[] { TestAws.SecretKey, SessionToken })
            {
                Assert.DoesNotContain(secret, run.Out, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, run.Error, StringComparison.Ordinal);
            }
        }

        var files = Directory.EnumerateFiles(_evidence, "*", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 5);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(TestAws.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MissingRegionAndUnknownProfileAreOneClearLine()
    {
        await using var server = await FakeAwsServer.StartAsync(Account);
        using (EnvironmentScope.ForServer(server, region: null))
        {
            var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001");
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("nbh key-owner: No AWS region: pass --region REGION, set AWS_REGION, or add 'region = ...' to your profile in ~/.aws/config.\n", run.Error);
        }

        using (EnvironmentScope.ForServer(server))
        {
            var run = await CliRun.RunAsync("key-owner", "AKIAEXPOSEDKEY000001", "--profile", "nope");
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("nbh key-owner: Profile 'nope' (from --profile) is not in ~/.aws/config or ~/.aws/credentials", run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.Empty(server.Requests);
    }
}
