using System.Text.Json;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Investigation;

public sealed class InvestigateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nbh-investigate-" + Guid.NewGuid().ToString("N"));

    public InvestigateCommandTests()
    {
        Directory.CreateDirectory(_folder);
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(_folder, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task WithoutAKeyPicksTheKeysTheEvidencePointsAtAndSaysWhy()
    {
        var (exit, stdout, stderr) = await Run("investigate", "--logs", _folder);

        Assert.Equal(0, exit);
        Assert.Contains($"investigating 1 key(s) the evidence points at: {LeakedKeyScenario.LeakedKey}", stderr, StringComparison.Ordinal);
        Assert.Contains("Access key " + LeakedKeyScenario.LeakedKey, stdout, StringComparison.Ordinal);
        Assert.Contains("Blast radius", stdout, StringComparison.Ordinal);
        Assert.Contains("iam-access-key-for-other-user", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsTerminalEscapesFromTheLogsOffTheTerminal()
    {
        // Forged records: control sequences in a key id, an event id and a file name, which reach both outputs.
        var hostile = Path.Combine(_folder, "hostile");
        Directory.CreateDirectory(hostile);
        const string Identity = """{"type":"IAMUser","principalId":"AIDAX","arn":"arn:aws:iam::111122223333:user/u","accountId":"111122223333","accessKeyId":"AKIAEVIL\u001b]0;pwned\u0007KEY","userName":"u"}""";
        await File.WriteAllTextAsync(Path.Combine(hostile, "111122223333_CloudTrail_us-east-1_20250310T1000Z_x.json"), $$"""
            {"Records":[
            {"eventVersion":"1.08","userIdentity":{{Identity}},"eventTime":"2025-03-10T10:00:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","userAgent":"ua","requestParameters":{"name":"t"},"responseElements":null,"eventID":"e1\u001b[2J","eventType":"AwsApiCall","recipientAccountId":"111122223333"},
            {"eventVersion":"1.08","userIdentity":{{Identity}},"eventTime":"2025-03-10T10:05:00Z","eventSource":"iam.amazonaws.com","eventName":"UpdateAccessKey","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","userAgent":"ua","requestParameters":{"accessKeyId":"AKIAEVIL\u001b]0;pwned\u0007KEY","status":"Inactive","userName":"u"},"responseElements":null,"eventID":"e2\u001b[31m","eventType":"AwsApiCall","recipientAccountId":"111122223333"}
            ]}
            """);
        await File.WriteAllTextAsync(Path.Combine(hostile, "bad\u001b[2Jname.json"), "{\"Records\":[{\"eventTime\":");

        var (exit, stdout, stderr) = await Run("investigate", "--logs", hostile);

        Assert.Equal(0, exit);
        Assert.Contains("StopLogging", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("AKIAEVIL", stderr, StringComparison.Ordinal);
        Assert.Contains("skipped", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\u001b', stderr);
        Assert.DoesNotContain('\u0007', stdout + stderr);
    }

    [Fact]
    public async Task JsonOutputFollowsTheDocumentedSchema()
    {
        var (exit, stdout, _) = await Run("investigate", "--logs", _folder, "--access-key-id", LeakedKeyScenario.BackdoorKey, "--format", "json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(LeakedKeyScenario.BackdoorKey, doc.RootElement.GetProperty("requestedAccessKeyId").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("suggestions").GetArrayLength());
        var investigation = doc.RootElement.GetProperty("investigations")[0];
        Assert.Equal("backup-admin", investigation.GetProperty("profile").GetProperty("owner").GetProperty("userName").GetString());
    }

    [SharedDataFact]
    public async Task InvestigatesTheStratusFederationTokenDetonation()
    {
        var (exit, stdout, _) = await Run("investigate", "--logs", RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs/aws.persistence.sts-federation-token.json"),
            "--access-key-id", "AKIA6V1GNZTT65XQH36M");

        Assert.Equal(0, exit);
        Assert.Contains("got federation token → [session] ASIASTJKC5GCM7ZE6LUP", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSampleSourceParameterInvestigatesTheRecordedIncident()
    {
        var (exit, stdout, stderr) = await Run("investigate", "--logs", "sample", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("investigating", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("AKIA3NWPX4QHZRT7K2MD", doc.RootElement.GetProperty("investigations")[0].GetProperty("accessKeyId").GetString());
        using var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json")));
        var counts = key.RootElement.GetProperty("counts");
        Assert.Equal(counts.GetProperty("events").GetInt32() - counts.GetProperty("trailRecordsDeleted").GetInt32(), doc.RootElement.GetProperty("evidence").GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task ALiveSourceWithoutAnEvidenceFolderIsAUsageError()
    {
        var (exit, _, stderr) = await Run("investigate", "--logs", "lookup:AKIA3NWPX4QHZRT7K2MD");

        Assert.Equal(2, exit);
        Assert.Contains("evidence folder", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--access-key-id", "not a key")]
    [InlineData("--start", "yesterday-ish")]
    public async Task BadOptionsAreUsageErrors(string option, string value)
    {
        var (exit, _, stderr) = await Run("investigate", "--logs", _folder, option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith("nbh investigate:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPathIsAUsageErrorNamingIt()
    {
        var missing = Path.Combine(_folder, "nope");
        var (exit, _, stderr) = await Run("investigate", "--logs", missing);

        Assert.Equal(2, exit);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task AKeyNotInTheEvidenceIsSaidInOneLineAndFailsInsteadOfAnEmptyProfile()
    {
        var typo = LeakedKeyScenario.LeakedKey[..^1] + (LeakedKeyScenario.LeakedKey[^1] == 'X' ? "Y" : "X");

        var (exit, stdout, stderr) = await Run("investigate", "--logs", _folder, "--access-key-id", typo);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"nbh investigate: {typo} does not appear in this evidence. Looked at: {_folder}", stderr, StringComparison.Ordinal);
        Assert.Contains($"spelled most like it is {LeakedKeyScenario.LeakedKey}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportOnAKeyNotInTheEvidenceIsRefusedAndWritesNothing()
    {
        var typo = LeakedKeyScenario.LeakedKey[..^1] + (LeakedKeyScenario.LeakedKey[^1] == 'X' ? "Y" : "X");
        var output = Path.Combine(_folder, "report");

        var (exit, _, stderr) = await Run("report", "--logs", _folder, "--access-key-id", typo, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains($"{typo} does not appear in this evidence", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
