using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Aws;

public sealed class ContainmentExecutorTests
{
    private const string Analyst = "arn:aws:iam::111122223333:user/analyst";

    [Fact]
    public async Task RecordsACallCancelledBeforeIamAnsweredAsOfUnknownOutcome()
    {
        using var folder = new TempDirectory();
        var received = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = await FakeAwsServer.StartAsync(async _ =>
        {
            received.TrySetResult();
            await release.Task;
            return FakeResponse.Xml("<UpdateAccessKeyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></UpdateAccessKeyResponse>");
        });
        using var session = TestAws.Session(server);
        var executor = new ContainmentExecutor(new IamClient(session.Sender, "us-east-1"), EvidenceDirectory.Open(folder.Path), Analyst);
        using var cancel = new CancellationTokenSource();

        var running = executor.ExecuteAsync(ContainmentPlanner.DeactivateKey("AKIAEXPOSEDKEY000001", "ci-deploy"), cancel.Token);
        await received.Task;
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        release.SetResult();

        var line = Assert.Single(File.ReadAllLines(Path.Combine(folder.Path, EvidenceDirectory.ActionsFileName)));
        Assert.Contains("\"operation\":\"UpdateAccessKey\"", line, StringComparison.Ordinal);
        Assert.Contains("unknown", line, StringComparison.Ordinal);
        Assert.Contains(Analyst, line, StringComparison.Ordinal);
    }
}
