using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;
using NotebookHelpers.Display;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// The last line of defence of every command: an exception no command handled becomes one line naming what failed
/// and what to do, never a stack trace, and never the text of a credential source (see
/// <see cref="CredentialSourceRedaction"/>).
/// </summary>
public static class CliFailure
{
    /// <summary>The one line (without the <c>nbh COMMAND: </c> prefix) that describes <paramref name="error"/>.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = error switch
        {
            AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
            _ when CredentialSourceRedaction.IsCredentialSourceFailure(error) => CredentialSourceRedaction.Describe(error),
            AwsServiceException or AwsConfigurationException or EvidenceConflictException or Amazon.Runtime.AmazonServiceException
                or Amazon.Runtime.AmazonClientException or HttpRequestException => AwsErrorAdvice.Describe(error),
            TimeoutException => $"timed out: {CredentialSourceRedaction.Redact(error.Message)} → check connectivity and run again (saved files are kept and skipped).",
            System.Xml.XmlException => $"an answer could not be read as XML ({CredentialSourceRedaction.Redact(error.Message)}) → run again; if it persists, check AWS_ENDPOINT_URL* and any proxy in between.",
            UnauthorizedAccessException => $"{FirstLine(error.Message)} → check the permissions of that path.",
            IOException => $"{FirstLine(error.Message)} → check the path, free disk space and permissions.",
            OutOfMemoryException => "out of memory → narrow the time range (--start/--end) or the sources, or use a machine with more memory.",
            _ => $"unexpected {error.GetType().Name}: {CredentialSourceRedaction.Redact(error.Message)} → this is a bug in nbh: please report it with the command line (no stack trace is printed).",
        };
        return TerminalText.OneLine(line);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
