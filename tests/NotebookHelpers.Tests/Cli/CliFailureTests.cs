using System.Text;
using Amazon.Runtime;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Aws.Support;

namespace NotebookHelpers.Tests.Cli;

/// <summary>Whatever a command does not handle ends as one line on stderr and exit code 1, with secrets redacted.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
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
}
