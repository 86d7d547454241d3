using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using NotebookHelpers.Aws.Credentials;

namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Signs requests with SigV4 (AWSSDK.Core's public <see cref="AWSSigV4Signer"/>) and sends them. Knows nothing of
/// protocols: the JSON 1.1 and Query clients build the body and read the answer. Network failures come out as
/// <see cref="AwsServiceException"/> of kind <see cref="AwsErrorKind.Network"/>; secrets never reach a message.
/// </summary>
public sealed class AwsHttpSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly AwsEndpointResolver _endpoints;
    private readonly AwsClientOptions _options;

    /// <summary>Creates a sender.</summary>
    public AwsHttpSender(AWSCredentials credentials, AwsEndpointResolver endpoints, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        _credentials = credentials;
        _endpoints = endpoints;
        _options = options;
        _http = options.HttpHandler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(options.HttpHandler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The endpoint resolver requests are routed with.</summary>
    public AwsEndpointResolver Endpoints => _endpoints;

    /// <summary>The client settings (retry, clock).</summary>
    public AwsClientOptions Options => _options;

    /// <summary>Signs and sends one request; returns whatever the service answered, error statuses included.</summary>
    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = _endpoints.Resolve(request.Service, request.Region);
        var uri = new Uri(endpoint.Url, request.PathAndQuery.TrimStart('/'));
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = uri,
            Content = request.Body.IsEmpty ? null : request.Body.ToArray(),
        };
        foreach (var (name, value) in request.Headers)
        {
            signing.Headers[name] = value;
        }

        if (request.ContentType is not null)
        {
            signing.Headers["Content-Type"] = request.ContentType;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = RegionEndpoint.GetBySystemName(endpoint.SigningRegion),
            Service = request.Service.SigningName,
            SignedAt = _options.SigningClock.GetUtcNow().UtcDateTime,
        };

        AWSSigningResult signed;
        try
        {
            signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException or ProcessAWSCredentialException or InvalidDataException)
        {
            // Credential resolution failed (expired SSO token, a failing credential_process …): its message may quote
            // what the source printed, so it is described, never echoed.
            throw new AwsConfigurationException(
                $"Cannot get AWS credentials to call {request.Service}:{request.Operation}: {CredentialSourceRedaction.Describe(e)}", e);
        }

        using var message = new HttpRequestMessage(request.Method, uri);
        if (!request.Body.IsEmpty || request.Method == HttpMethod.Post)
        {
            message.Content = new ByteArrayContent(signing.Content ?? []);
            if (request.ContentType is not null)
            {
                // StringContent would append "; charset=utf-8", which changes the signed header.
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in signed.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var requestId = HeaderValue(response, "x-amzn-RequestId") ?? HeaderValue(response, "x-amz-request-id");
            return new AwsResponse(response.StatusCode, requestId, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsServiceException(
                AwsErrorKind.Network, request.Service.SigningName, request.Operation, request.Region, null,
                $"no answer from {endpoint.Url.Host} within {_options.RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new AwsServiceException(
                AwsErrorKind.Network, request.Service.SigningName, request.Operation, request.Region, null,
                $"cannot reach {endpoint.Url.GetLeftPart(UriPartial.Authority)}: {FirstLine(e.Message)}", null, null, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
