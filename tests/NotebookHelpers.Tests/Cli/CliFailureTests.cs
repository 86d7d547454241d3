using System.Text;
using Amazon.Runtime;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Cli;

/// <summary>Whatever a command does not handle ends as one line on stderr and exit code 1, with secrets redacted.</summary>
[Collection(NotebookHelpers.Tests.Support.ProcessStateCollection.Name)]
public sealed class CliFailureTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void AnUnexpectedExceptionIsOneLineSayingWhatToDoWithSecretsAndKeysRedacted()
    {
        var line = CliFailure.Describe(new InvalidOperationException($"state broke\nat line two with AKIAIOSFODNN7EXAMPLE and {Secret}"));
        var inLine = CliFailure.Describe(new InvalidOperationException($"key AKIAIOSFODNN7EXAMPLE secret {Secret} <aws_secret_access_key: quoted>"));

        Assert.Equal("unexpected InvalidOperationException: state broke → this is a bug in nbh: please report it with the command line (no stack trace is printed).", line);
        Assert.Equal("unexpected InvalidOperationException: key AKIA…MPLE secret [redacted] <…> → this is a bug in nbh: please report it with the command line (no stack trace is printed).", inLine);
    }

    [Fact]
    public void ACredentialSourceFailureIsDescribedNeverQuoted()
    {
        var process = CliFailure.Describe(new AmazonClientException("wrapper", new ProcessAWSCredentialException($"Command returned non-zero exit value 7 with the error - {Secret}")));
        var ini = CliFailure.Describe(new InvalidDataException($"Line 4:<aws_secret_access_key: {Secret}> in file /home/a/.aws/credentials does not contain a section, property or comment."));

        Assert.StartsWith("the profile's credential_process exited with code 7 (its output is not shown", process, StringComparison.Ordinal);
        Assert.StartsWith("/home/a/.aws/credentials line 4 is not 'name = value'", ini, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, process + ini, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_secret_access_key", ini, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedListObjectsAnswerEndsTheCommandWithOneLineAndNoStackTrace()
    {
        await using var server = await FakeAwsServer.StartAsync(r => r.Service == "s3"
            ? new FakeResponse(200, "application/xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><ListBucketResult><Contents><Key>AWSLogs/</Key"))
            : IamResponses.Standard(r));
        using var env = EnvironmentScope.ForServer(server);
        var evidence = Path.Combine(Path.GetTempPath(), "nbh-xml-" + Guid.NewGuid().ToString("N"));

        var run = await CliRun.RunAsync("fetch-trail", "s3://trail-bucket", "--start", "2023-11-05", "--end", "2023-11-05", "--evidence", evidence);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("nbh fetch-trail: ", l, StringComparison.Ordinal));
        Assert.StartsWith("nbh fetch-trail: INCOMPLETE: 1 objects or prefixes missed", run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Directory.Delete(evidence, recursive: true);
    }

    [Fact]
    public async Task AReportOverARefusedConnectionIsOneLineAndNoStackTrace()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nbh-refused-" + Guid.NewGuid().ToString("N"));
        await using var server = await FakeAwsServer.StartAsync(IamResponses.Standard);
        using var env = EnvironmentScope.ForServer(server);
        using var refused = new EnvironmentScope(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/" });

        var run = await CliRun.RunAsync("report", "--logs", "lookup:AKIAEXPOSEDKEY000001", "--start", "2023-11-01", "--evidence", Path.Combine(folder, "evidence"), "--out", Path.Combine(folder, "out"), "--no-charts");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        var last = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("nbh report: ", last, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", last, StringComparison.Ordinal);
        Assert.Contains("→", last, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AReportOverAnS3TrailWithABadObjectIsWrittenAndEndsIncomplete()
    {
        const string Day = "AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/05/111122223333_CloudTrail_us-east-1_20231105T10";
        var bucket = new FakeS3Bucket("trail-bucket");
        bucket.Put(Day + "45Z_good.json", """{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-05T10:41:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"us-east-1","eventID":"e-1","userIdentity":{"type":"IAMUser","accessKeyId":"AKIAEXPOSEDKEY000001","userName":"ci"}}]}""");
        bucket.Put(Day + "50Z_damaged.json", """{"Records":[{"eventVersion":"1.08","eventTime":"2023-11-05T10:49:00Z","eventName":"StopLogging","eventID":"e-2"}]}""");
        await using var server = await FakeAwsServer.StartAsync(r =>
        {
            var answer = r.Service == "s3" ? bucket.Handle(r) : IamResponses.Standard(r);
            return r.RawTarget.Contains("_damaged.json", StringComparison.Ordinal) && !r.RawTarget.Contains("list-type", StringComparison.Ordinal)
                ? answer with { Body = [.. answer.Body.Select(b => b == (byte)'S' ? (byte)'s' : b)] }
                : answer;
        });
        using var env = EnvironmentScope.ForServer(server);
        var folder = Path.Combine(Path.GetTempPath(), "nbh-partial-report-" + Guid.NewGuid().ToString("N"));

        var run = await CliRun.RunAsync("report", "--logs", "s3://trail-bucket", "--start", "2023-11-05T00:00:00Z", "--end", "2023-11-05T23:59:59Z", "--evidence", Path.Combine(folder, "evidence"), "--out", Path.Combine(folder, "out"), "--no-charts");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("_damaged.json: not saved: the body's MD5", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("nbh report: INCOMPLETE: 1 parts of the evidence missed", run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "out", "incident-report.html")), run.Out + run.Error);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AFetchIntoAFolderWithADamagedManifestLineWarnsOnceNamingTheLine()
    {
        var bucket = new FakeS3Bucket("trail-bucket");
        bucket.Put("AWSLogs/111122223333/CloudTrail/us-east-1/2023/11/05/111122223333_CloudTrail_us-east-1_20231105T1045Z_a.json", """{"Records":[]}""");
        await using var server = await FakeAwsServer.StartAsync(r => r.Service == "s3" ? bucket.Handle(r) : IamResponses.Standard(r));
        using var env = EnvironmentScope.ForServer(server);
        var folder = Path.Combine(Path.GetTempPath(), "nbh-damaged-manifest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "manifest.jsonl");
        await File.WriteAllTextAsync(manifest, "{\"path\":\"x.json\",\"size\":1,\"sha256\":\"00\",\"source\":\"t\",\"fetchedAt\":\"2023-11-05T00:00:00Z\"}\n{\"path\":\"y.js\n");

        var run = await CliRun.RunAsync("fetch-trail", "s3://trail-bucket", "--start", "2023-11-05", "--end", "2023-11-05", "--evidence", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        var warning = Assert.Single(run.Error.Split('\n'), l => l.Contains("warning", StringComparison.Ordinal));
        Assert.StartsWith($"nbh fetch-trail: warning: {manifest}:line 2: not a manifest entry", warning, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
