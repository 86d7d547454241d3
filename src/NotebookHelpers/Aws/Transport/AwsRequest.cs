namespace NotebookHelpers.Aws.Transport;

/// <summary>One HTTP request to an AWS service, before signing.</summary>
/// <param name="Service">The service.</param>
/// <param name="Region">The region whose endpoint receives the request.</param>
/// <param name="Operation">The operation name, for errors and evidence (<c>StartQuery</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">Path and query relative to the endpoint, already encoded (<c>/</c> for RPC protocols).</param>
/// <param name="ContentType">The exact Content-Type, or null without a body.</param>
/// <param name="Body">The body bytes (signed as they are).</param>
/// <param name="Headers">Extra headers to send and sign (<c>X-Amz-Target</c>).</param>
public sealed record AwsRequest(
    AwsService Service,
    string Region,
    string Operation,
    HttpMethod Method,
    string PathAndQuery,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers);
