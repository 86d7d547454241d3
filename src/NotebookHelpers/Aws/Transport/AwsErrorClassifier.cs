using System.Net;

namespace NotebookHelpers.Aws.Transport;

/// <summary>Maps AWS error codes and HTTP statuses to an <see cref="AwsErrorKind"/>, for every service alike.</summary>
public static class AwsErrorClassifier
{
    private static readonly Dictionary<string, AwsErrorKind> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AccessDenied"] = AwsErrorKind.AccessDenied,
        ["AccessDeniedException"] = AwsErrorKind.AccessDenied,
        ["UnauthorizedOperation"] = AwsErrorKind.AccessDenied,
        ["UnauthorizedAccess"] = AwsErrorKind.AccessDenied,
        ["AllAccessDisabled"] = AwsErrorKind.AccessDenied,
        ["ExpiredToken"] = AwsErrorKind.ExpiredCredentials,
        ["ExpiredTokenException"] = AwsErrorKind.ExpiredCredentials,
        ["RequestExpired"] = AwsErrorKind.ExpiredCredentials,
        ["TokenRefreshRequired"] = AwsErrorKind.ExpiredCredentials,
        ["InvalidClientTokenId"] = AwsErrorKind.InvalidCredentials,
        ["UnrecognizedClientException"] = AwsErrorKind.InvalidCredentials,
        ["InvalidAccessKeyId"] = AwsErrorKind.InvalidCredentials,
        ["SignatureDoesNotMatch"] = AwsErrorKind.InvalidCredentials,
        ["AuthFailure"] = AwsErrorKind.InvalidCredentials,
        ["IncompleteSignature"] = AwsErrorKind.InvalidCredentials,
        ["MissingAuthenticationToken"] = AwsErrorKind.InvalidCredentials,
        ["ThrottlingException"] = AwsErrorKind.Throttling,
        ["Throttling"] = AwsErrorKind.Throttling,
        ["ThrottledException"] = AwsErrorKind.Throttling,
        ["RequestThrottled"] = AwsErrorKind.Throttling,
        ["RequestThrottledException"] = AwsErrorKind.Throttling,
        ["TooManyRequestsException"] = AwsErrorKind.Throttling,
        ["RequestLimitExceeded"] = AwsErrorKind.Throttling,
        ["SlowDown"] = AwsErrorKind.Throttling,
        ["ProvisionedThroughputExceededException"] = AwsErrorKind.Throttling,
        ["ResourceNotFoundException"] = AwsErrorKind.NotFound,
        ["NoSuchEntity"] = AwsErrorKind.NotFound,
        ["NoSuchBucket"] = AwsErrorKind.NotFound,
        ["NoSuchKey"] = AwsErrorKind.NotFound,
        ["TrailNotFoundException"] = AwsErrorKind.NotFound,
        ["NotFound"] = AwsErrorKind.NotFound,
        ["InvalidParameterException"] = AwsErrorKind.InvalidRequest,
        ["InvalidRequestException"] = AwsErrorKind.InvalidRequest,
        ["MetadataException"] = AwsErrorKind.InvalidRequest,
        ["InvalidParameterValue"] = AwsErrorKind.InvalidRequest,
        ["InvalidInput"] = AwsErrorKind.InvalidRequest,
        ["ValidationError"] = AwsErrorKind.InvalidRequest,
        ["ValidationException"] = AwsErrorKind.InvalidRequest,
        ["MalformedQueryException"] = AwsErrorKind.InvalidRequest,
        ["MalformedPolicyDocument"] = AwsErrorKind.InvalidRequest,
        ["InvalidLookupAttributesException"] = AwsErrorKind.InvalidRequest,
        ["InvalidTimeRangeException"] = AwsErrorKind.InvalidRequest,
        ["InvalidNextTokenException"] = AwsErrorKind.InvalidRequest,
        ["LimitExceededException"] = AwsErrorKind.LimitExceeded,
        ["LimitExceeded"] = AwsErrorKind.LimitExceeded,
        ["ServiceUnavailableException"] = AwsErrorKind.ServiceUnavailable,
        ["ServiceUnavailable"] = AwsErrorKind.ServiceUnavailable,
        ["InternalFailure"] = AwsErrorKind.ServiceUnavailable,
        ["InternalError"] = AwsErrorKind.ServiceUnavailable,
        ["InternalServerError"] = AwsErrorKind.ServiceUnavailable,
    };

    /// <summary>Classifies an error by its code, falling back on the HTTP status.</summary>
    public static AwsErrorKind Classify(string? code, HttpStatusCode status)
    {
        if (code is not null && Codes.TryGetValue(code, out var kind))
        {
            return kind;
        }

        return status switch
        {
            HttpStatusCode.TooManyRequests => AwsErrorKind.Throttling,
            HttpStatusCode.Forbidden => AwsErrorKind.AccessDenied,
            HttpStatusCode.NotFound => AwsErrorKind.NotFound,
            >= HttpStatusCode.InternalServerError => AwsErrorKind.ServiceUnavailable,
            _ => AwsErrorKind.Other,
        };
    }

    /// <summary>True for failures that are worth retrying with backoff.</summary>
    public static bool IsTransient(AwsErrorKind kind) =>
        kind is AwsErrorKind.Throttling or AwsErrorKind.ServiceUnavailable or AwsErrorKind.Network;
}
