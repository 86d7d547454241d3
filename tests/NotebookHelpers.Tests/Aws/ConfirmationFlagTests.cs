using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Aws;

/// <summary>
/// A flag that confirms an action has one spelling: anything else next to it is refused with exit code 2 before any
/// call reaches AWS (the fake server must not have seen a single request).
/// </summary>
[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class ConfirmationFlagTests : IDisposable
{
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "nbh-confirm-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_evidence))
        {
            Directory.Delete(_evidence, recursive: true);
        }
    }

    public static TheoryData<string[]> Refused => new()
    {
        new[] { "contain", "deny-all", "--user", "ci-deploy", "--confirm", "false", "--evidence", "EVIDENCE" },
        new[] { "contain", "deny-all", "--user", "ci-deploy", "--confirm", "no", "--evidence", "EVIDENCE" },
        new[] { "contain", "deny-all", "--user", "ci-deploy", "--confirm=false", "--evidence", "EVIDENCE" },
        new[] { "contain", "deny-all", "--user", "ci-deploy", "--confirm", "--evidence", "EVIDENCE", "false" },
        new[] { "contain", "deny-all", "now", "--user", "ci-deploy", "--confirm", "--evidence", "EVIDENCE" },
        new[] { "contain", "delete-login-profile", "--user", "ci-deploy", "--confirm", "0", "--evidence", "EVIDENCE" },
        new[] { "contain", "delete-login-profile", "--user", "ci-deploy", "--evidence", "EVIDENCE", "--confirm", "off" },
        new[] { "contain", "revoke-sessions", "--role", "ci-role", "--confirm", "FALSE", "--evidence", "EVIDENCE" },
        new[] { "contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "--delete", "false", "--confirm", "--evidence", "EVIDENCE" },
        new[] { "contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "AKIAOTHERKEY00000001", "--confirm", "--evidence", "EVIDENCE" },
        new[] { "contain", "deactivate-key", "AKIAEXPOSEDKEY000001", "--confirm", "--evidence", "EVIDENCE", "--confirm", "yes" },
        new[] { "contain", "deny-all", "--user", "ci-deploy", "--Confirm", "--evidence", "EVIDENCE" },
        new[] { "contain", "deny-all", "--user", "ci-deploy", "-confirm", "--evidence", "EVIDENCE" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AnythingButTheOneSpellingOfAConfirmationIsRefusedBeforeAnyCall(string[] args)
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)));
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync([.. args.Select(a => a == "EVIDENCE" ? _evidence : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(server.Requests);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(_evidence, "actions.jsonl")));
    }

    [Fact]
    public async Task TheOneSpellingStillExecutes()
    {
        await using var server = await FakeAwsServer.StartAsync(r => Task.FromResult(IamResponses.Standard(r)));
        using var env = EnvironmentScope.ForServer(server);

        var run = await CliRun.RunAsync("contain", "deny-all", "--user", "ci-deploy", "--confirm", "--evidence", _evidence);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Single(server.Requests, r => r.Operation == "PutUserPolicy");
    }
}
