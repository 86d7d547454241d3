using System.Text.Json;
using Amazon.Runtime;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Response;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Charts;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Response;

/// <summary>The live paths of the Response folder, against the loopback fake of STS and IAM.</summary>
public sealed class LiveContainmentTests(InvestigatedSample sample) : IClassFixture<InvestigatedSample>
{
    private const string AnalystArn = "arn:aws:iam::111122223333:user/ir-analyst";
    private static readonly DateTimeOffset EndOfEvidence = new(2025, 3, 11, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExecutingRunsThePendingStepsInOrderAndRecordsEachInTheActionsLog()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);
        using var session = TestAws.Session(server);
        using var folder = new TempDirectory();

        var run = await Plan(InvestigatedSample.BackdoorKey).ExecuteAsync(session, EvidenceDirectory.Open(folder.Path));

        Assert.True(run.Executed);
        Assert.Equal($"Executed 3 calls as {AnalystArn}.", run.Headline);
        Assert.Same(run, run.ThrowIfFailed());
        var iam = server.Requests.Where(r => r.Service == "iam").ToList();
        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], iam.Select(r => r.Operation));
        Assert.Equal("AKIA3NWPX4QH6YBVJ5WE", iam[0].Form["AccessKeyId"]);
        Assert.Equal("Inactive", iam[0].Form["Status"]);
        Assert.Equal("svc-backup-sync", iam[1].Form["UserName"]);
        Assert.All(server.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Problem));
        var log = ActionsLog(folder.Path);
        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], log.Select(l => l.GetProperty("operation").GetString()));
        Assert.All(log, l =>
        {
            Assert.Equal(AnalystArn, l.GetProperty("executedBy").GetString());
            Assert.Equal("succeeded", l.GetProperty("outcome").GetString());
        });
        Assert.Equal(Path.Combine(folder.Path, EvidenceDirectory.ActionsFileName), run.ActionsLog);
    }

    [Fact]
    public async Task AFailingCallIsRecordedAndStopsTheRun()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation == "PutUserPolicy"
            ? FakeResponse.QueryError("AccessDenied", "User: arn:aws:iam::111122223333:user/ir-analyst is not authorized to perform: iam:PutUserPolicy", 403)
            : IamResponses.Standard(r));
        using var session = TestAws.Session(server);
        using var folder = new TempDirectory();

        var run = await Plan(InvestigatedSample.BackdoorKey).ExecuteAsync(session, EvidenceDirectory.Open(folder.Path));

        Assert.StartsWith("Stopped at PutUserPolicy: ", run.Headline, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", run.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Operation == "DeleteLoginProfile");
        var log = ActionsLog(folder.Path);
        Assert.Equal(2, log.Count);
        Assert.StartsWith("failed: ", log[1].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("AccessDenied", log[1].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, run.Records.Count);
        Assert.True(run.Failed);
        var stop = Assert.Throws<NotebookHelpers.Response.ContainmentFailedException>(() => run.ThrowIfFailed());
        Assert.StartsWith("Containment did not complete: Stopped at PutUserPolicy: ", stop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepsTheEvidenceShowsDoneAreNotSentAgain()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);
        using var session = TestAws.Session(server);
        using var folder = new TempDirectory();

        var run = await Plan(InvestigatedSample.LeakedKey).ExecuteAsync(session, EvidenceDirectory.Open(folder.Path));

        Assert.Equal($"Executed 0 calls as {AnalystArn}.", run.Headline);
        Assert.DoesNotContain(server.Requests, r => r.Service == "iam");
    }

    [Fact]
    public async Task RunAsyncWithExecuteAndLiveOpensTheSessionFromSettings()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);
        using var folder = new TempDirectory();

        var run = await Plan(InvestigatedSample.BackdoorKey).RunAsync(execute: true, live: true, evidenceFolder: folder.Path, settings: Settings(server));

        Assert.True(run.Executed);
        Assert.Equal(3, server.Requests.Count(r => r.Service == "iam"));
        Assert.Equal(3, ActionsLog(folder.Path).Count);
    }

    [Fact]
    public async Task DryRunSendsNothingEvenWithLiveCredentials()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);

        var run = await Plan(InvestigatedSample.BackdoorKey).RunAsync(execute: false, live: true, evidenceFolder: null, settings: Settings(server));

        Assert.False(run.Executed);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task LiveLookupIsSkippedUnlessAsked()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);

        var report = await LiveCredentialLookup.FindAsync("AKIAEXPOSEDKEY000001", live: false, Settings(server));

        Assert.Null(report);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task LiveLookupNamesTheUserOfAKeyTheEvidenceNeverSawAndAddsTheConsolePasswordStep()
    {
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);

        var live = await LiveCredentialLookup.FindAsync("AKIAEXPOSEDKEY000001", live: true, Settings(server));
        var investigation = sample.Investigator.Investigate("AKIAEXPOSEDKEY000001");
        var credential = CredentialAssessment.From(sample.Investigator, investigation, live);
        var plan = ContainmentPlan.For(credential, investigation, EndOfEvidence);

        Assert.Equal(CredentialKind.IamUserAccessKey, credential.Kind);
        Assert.Equal("ci-deploy", credential.UserName);
        Assert.Equal(["UpdateAccessKey", "PutUserPolicy", "DeleteLoginProfile"], plan.Steps.Select(s => s.Action.Operation));
        var rows = credential.ToHtmlTable().Rows.ToDictionary(r => r[0]!, r => r[1]);
        Assert.StartsWith("Active, created 2022-01-10", rows["Status (live)"], StringComparison.Ordinal);
        Assert.Equal("2023-11-05T10:41:00Z: ec2 in ap-southeast-2", rows["Last used (live)"]);
        Assert.Equal("AKIASECONDKEY0000002 Active", rows["Other keys of the user (live)"]);
        Assert.Equal("AdministratorAccess, deploy-s3 (inline)", rows["Policies (live)"]);
        Assert.DoesNotContain(server.Requests, r => r.Operation is "UpdateAccessKey" or "PutUserPolicy" or "DeleteLoginProfile");
    }

    [Fact]
    public async Task KeyOfTheCallersOwnAccountThatNoUserOwnsIsARootKey()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Operation switch
        {
            "GetAccessKeyLastUsed" => FakeResponse.QueryError("AccessDenied", "not authorized to perform: iam:GetAccessKeyLastUsed", 403),
            "ListAccessKeys" => FakeResponse.Xml(IamResponses.Empty("ListAccessKeys")),
            _ => IamResponses.Standard(r),
        });

        var live = await LiveCredentialLookup.FindAsync("AKIAROOTKEY000000001", live: true, Settings(server));
        var investigation = sample.Investigator.Investigate("AKIAROOTKEY000000001");
        var credential = CredentialAssessment.From(sample.Investigator, investigation, live);

        Assert.Equal(CredentialKind.RootAccessKey, credential.Kind);
        Assert.Empty(ContainmentPlan.For(credential, investigation, EndOfEvidence).Steps);
    }

    private static AwsSessionSettings Settings(FakeAwsServer server) => new()
    {
        Region = "us-east-1",
        Environment = new AwsEnvironment(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url.ToString() }),
        Credentials = new BasicAWSCredentials(TestAws.AccessKeyId, TestAws.SecretKey),
        ClientOptions = TestAws.FastOptions(),
    };

    private static List<JsonElement> ActionsLog(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, EvidenceDirectory.ActionsFileName)).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private ContainmentPlan Plan(string key)
    {
        var investigation = sample.Investigator.Investigate(key);
        return ContainmentPlan.For(CredentialAssessment.From(sample.Investigator, investigation), investigation, EndOfEvidence);
    }
}
