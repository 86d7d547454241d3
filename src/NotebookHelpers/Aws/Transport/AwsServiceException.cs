using System.Net;

namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// An AWS call failed: the service answered with an error, or could not be reached. Carries the service, operation,
/// region, error code and request id so the one-line message can say exactly what failed and what to do.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsServiceException(
        AwsErrorKind kind,
        string service,
        string operation,
        string region,
        string? errorCode,
        string message,
        HttpStatusCode? statusCode = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Service = service;
        Operation = operation;
        Region = region;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Creates the exception with no details.</summary>
    public AwsServiceException()
        : this(AwsErrorKind.Other, "", "", "", null, "AWS call failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AwsServiceException(string message)
        : this(AwsErrorKind.Other, "", "", "", null, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AwsServiceException(string message, Exception innerException)
        : this(AwsErrorKind.Other, "", "", "", null, message, null, null, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    public AwsErrorKind Kind { get; }

    /// <summary>The service's signing name (<c>logs</c>, <c>iam</c> …).</summary>
    public string Service { get; }

    /// <summary>The operation (<c>StartQuery</c>, <c>ListUsers</c> …).</summary>
    public string Operation { get; }

    /// <summary>The region the call was made in.</summary>
    public string Region { get; }

    /// <summary>The AWS error code, when the service answered.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status, when the service answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The AWS request id, for a support case.</summary>
    public string? RequestId { get; }
}
