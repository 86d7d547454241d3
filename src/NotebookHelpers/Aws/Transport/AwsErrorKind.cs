namespace NotebookHelpers.Aws.Transport;

/// <summary>What kind of failure an AWS error is, which decides whether to retry and what to tell the user.</summary>
public enum AwsErrorKind
{
    /// <summary>Anything not listed below.</summary>
    Other,

    /// <summary>The caller lacks a permission (AccessDenied, UnauthorizedOperation …).</summary>
    AccessDenied,

    /// <summary>The credentials expired (ExpiredToken, RequestExpired …).</summary>
    ExpiredCredentials,

    /// <summary>The credentials are not valid (InvalidClientTokenId, UnrecognizedClientException, SignatureDoesNotMatch …).</summary>
    InvalidCredentials,

    /// <summary>Too many requests; retried with backoff.</summary>
    Throttling,

    /// <summary>The named resource does not exist (ResourceNotFoundException, NoSuchEntity, NoSuchBucket …).</summary>
    NotFound,

    /// <summary>The request was malformed or a parameter is invalid.</summary>
    InvalidRequest,

    /// <summary>An account quota was reached (LimitExceededException).</summary>
    LimitExceeded,

    /// <summary>The service failed (5xx); retried with backoff.</summary>
    ServiceUnavailable,

    /// <summary>The service could not be reached (DNS, connection refused, TLS, timeout); retried with backoff.</summary>
    Network,
}
