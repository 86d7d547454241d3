using System.Net;
using Amazon.Runtime;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws;

/// <summary>
/// Turns any failure of the AWS connectors into one line that says what failed and what to do about it. Secrets are
/// never part of these lines: only codes, operations, regions and AWS's own messages.
/// </summary>
public static class AwsErrorAdvice
{
    /// <summary>The one-line description of <paramref name="error"/>.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            // Our own types carry messages built to be shown; anything that quotes a credential source is described.
            AwsConfigurationException e => e.Message,
            _ when CredentialSourceRedaction.IsCredentialSourceFailure(error) => CredentialSourceRedaction.Describe(error),
            AwsServiceException e => Describe(e),
            EvidenceConflictException e => e.Message,
            AmazonServiceException e => Describe(FromSdk(e)),
            AmazonClientException e when e.InnerException is HttpRequestException or TaskCanceledException =>
                $"network failure: {CredentialSourceRedaction.Redact(e.Message)}; check connectivity, proxy settings and AWS_ENDPOINT_URL*.",
            AmazonClientException e => $"AWS SDK: {CredentialSourceRedaction.Redact(e.Message)}",
            HttpRequestException e => $"network failure: {FirstLine(e.Message)}; check connectivity and AWS_ENDPOINT_URL*.",
            IOException or UnauthorizedAccessException => FirstLine(error.Message),
            _ => CredentialSourceRedaction.Redact(error.Message),
        };
    }

    /// <summary>Wraps an AWS SDK service error (S3, EC2, STS clients) in the connectors' own exception type.</summary>
    public static AwsServiceException FromSdk(AmazonServiceException error, string? operation = null, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.StatusCode == 0 ? HttpStatusCode.BadRequest : error.StatusCode;
        var kind = AwsErrorClassifier.Classify(error.ErrorCode, status);
        return new AwsServiceException(kind, "", operation ?? "", region ?? "", error.ErrorCode, FirstLine(error.Message), status, error.RequestId, error);
    }

    /// <summary>Wraps a network failure of an AWS SDK call (the SDK lets <see cref="HttpRequestException"/> through).</summary>
    public static AwsServiceException FromNetwork(HttpRequestException error, string operation, string? region)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AwsServiceException(AwsErrorKind.Network, "", operation, region ?? "", null, FirstLine(error.Message), null, null, error);
    }

    private static string Describe(AwsServiceException e)
    {
        var where = string.IsNullOrEmpty(e.Operation)
            ? (string.IsNullOrEmpty(e.Region) ? "" : $" in {e.Region}")
            : $"{Prefix(e.Service)}{e.Operation}{(string.IsNullOrEmpty(e.Region) ? "" : " in " + e.Region)}";
        var head = where.Length == 0 ? "" : where.TrimStart() + ": ";
        var code = e.ErrorCode is null ? "" : $"{e.ErrorCode}: ";
        var what = $"{head}{code}{FirstLine(e.Message)}";
        var todo = e.Kind switch
        {
            AwsErrorKind.AccessDenied => $"grant {Action(e)} to the credentials you use (or use an incident-response role).",
            AwsErrorKind.ExpiredCredentials => "the credentials expired: refresh them ('aws sso login', or new temporary keys) and run again.",
            AwsErrorKind.InvalidCredentials => "the credentials are not valid here: check the key, the profile, and that the region is enabled for the account.",
            AwsErrorKind.Throttling => "still throttled after retries: run again later (saved pages are resumed) or lower the rate.",
            AwsErrorKind.NotFound => "check the name and the region (--region).",
            AwsErrorKind.LimitExceeded => "an account quota is full: wait for running queries or jobs to finish and run again.",
            AwsErrorKind.ServiceUnavailable => "AWS is failing this call: run again in a few minutes.",
            AwsErrorKind.Network => "check connectivity, proxy settings and AWS_ENDPOINT_URL*.",
            AwsErrorKind.InvalidRequest => "check the parameters.",
            _ => null,
        };
        return todo is null ? what : $"{what} → {todo}";
    }

    private static string Prefix(string service) => string.IsNullOrEmpty(service) ? "" : service + ":";

    private static string Action(AwsServiceException e) =>
        string.IsNullOrEmpty(e.Operation) ? "the missing permission" : $"{(string.IsNullOrEmpty(e.Service) ? "" : e.Service + ":")}{e.Operation}";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
