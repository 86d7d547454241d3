using System.Net;

namespace NotebookHelpers.Aws.Transport;

/// <summary>The raw answer of an AWS service: status, request id and body bytes.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> / <c>x-amz-request-id</c> header, when present.</param>
/// <param name="Body">The body, exactly as received.</param>
public sealed record AwsResponse(HttpStatusCode StatusCode, string? RequestId, byte[] Body)
{
    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
