using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// The AWS JSON 1.1 protocol (CloudWatch Logs, CloudTrail): <c>POST /</c>, an <c>X-Amz-Target</c> header naming
/// the operation, a JSON body, and errors as <c>{"__type": "...#Code", "message": "..."}</c>.
/// </summary>
public sealed class JsonProtocolClient
{
    /// <summary>The exact content type; a <c>charset</c> parameter would break the signature check on some services.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Serializer settings for request and response DTOs: omit nulls, match names exactly.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
    };

    private readonly AwsHttpSender _sender;
    private readonly AwsService _service;
    private readonly string _targetPrefix;
    private readonly AwsRetryPolicy _retry;

    /// <summary>Creates a client for one service.</summary>
    /// <param name="sender">The signing sender.</param>
    /// <param name="service">The service.</param>
    /// <param name="targetPrefix">The X-Amz-Target prefix before the operation name (<c>Logs_20140328</c>).</param>
    public JsonProtocolClient(AwsHttpSender sender, AwsService service, string targetPrefix)
    {
        ArgumentNullException.ThrowIfNull(sender);
        _sender = sender;
        _service = service;
        _targetPrefix = targetPrefix;
        _retry = new AwsRetryPolicy(sender.Options.Retry, sender.Options.OnRetry);
    }

    /// <summary>Calls an operation and returns the raw response body (retrying transient failures).</summary>
    public Task<byte[]> InvokeRawAsync<TRequest>(string region, string operation, TRequest request, CancellationToken cancellationToken) =>
        InvokeRawAsync(region, operation, request, null, cancellationToken);

    /// <summary>
    /// Calls an operation and returns the raw response body; every attempt, retries included, is paced by
    /// <paramref name="rateLimiter"/> when one is given.
    /// </summary>
    public Task<byte[]> InvokeRawAsync<TRequest>(
        string region,
        string operation,
        TRequest request,
        RequestRateLimiter? rateLimiter,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SerializerOptions);
        var headers = new Dictionary<string, string> { ["X-Amz-Target"] = _targetPrefix + "." + operation };
        var awsRequest = new AwsRequest(_service, region, operation, HttpMethod.Post, "/", ContentType, body, headers);
        return _retry.ExecuteAsync(
            async ct =>
            {
                if (rateLimiter is not null)
                {
                    await rateLimiter.WaitAsync(ct).ConfigureAwait(false);
                }

                AwsResponse response;
                try
                {
                    response = await _sender.SendAsync(awsRequest, ct).ConfigureAwait(false);
                }
                finally
                {
                    rateLimiter?.ResponseReceived();
                }

                if (!response.IsSuccess)
                {
                    throw ParseError(response, operation, region);
                }

                return response.Body;
            },
            cancellationToken);
    }

    /// <summary>Calls an operation and deserializes the response.</summary>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string region, string operation, TRequest request, CancellationToken cancellationToken)
    {
        var body = await InvokeRawAsync(region, operation, request, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            body = "{}"u8.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize<TResponse>(body, SerializerOptions)
                ?? throw new JsonException("null response");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(
                AwsErrorKind.Other, _service.SigningName, operation, region, null,
                $"the {operation} response is not the JSON AWS documents ({e.Message})", null, null, e);
        }
    }

    private AwsServiceException ParseError(AwsResponse response, string operation, string region)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                // Only strings count: a gateway's {"code":503} is not an AWS error code, and its status classifies it.
                foreach (var property in doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        code ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty 503): the status alone classifies it.
        }

        code = ShortCode(code);
        var kind = AwsErrorClassifier.Classify(code, response.StatusCode);
        var text = message ?? $"HTTP {(int)response.StatusCode}";
        return new AwsServiceException(kind, _service.SigningName, operation, region, code, text, response.StatusCode, response.RequestId);
    }

    // "com.amazonaws.logs#ResourceNotFoundException" and "ResourceNotFoundException:http://..." both mean the same code.
    private static string? ShortCode(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
