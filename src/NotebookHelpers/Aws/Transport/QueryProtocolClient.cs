using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// The AWS Query protocol (IAM): a form-encoded <c>POST /</c> with <c>Action</c> and <c>Version</c>, an XML answer,
/// and errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>.
/// </summary>
public sealed class QueryProtocolClient
{
    /// <summary>The content type of Query requests.</summary>
    public const string ContentType = "application/x-www-form-urlencoded";

    private readonly AwsHttpSender _sender;
    private readonly AwsService _service;
    private readonly string _version;
    private readonly AwsRetryPolicy _retry;

    /// <summary>Creates a client for one service and API version (<c>2010-05-08</c> for IAM).</summary>
    public QueryProtocolClient(AwsHttpSender sender, AwsService service, string version)
    {
        ArgumentNullException.ThrowIfNull(sender);
        _sender = sender;
        _service = service;
        _version = version;
        _retry = new AwsRetryPolicy(sender.Options.Retry, sender.Options.OnRetry);
    }

    /// <summary>Encodes the form body: <c>Action</c>, <c>Version</c>, then the parameters in the given order.</summary>
    public string EncodeBody(string action, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sb = new StringBuilder();
        sb.Append("Action=").Append(Uri.EscapeDataString(action));
        sb.Append("&Version=").Append(Uri.EscapeDataString(_version));
        foreach (var (key, value) in parameters)
        {
            sb.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }

    /// <summary>Calls an action and returns the parsed XML answer (retrying transient failures).</summary>
    public Task<XDocument> InvokeAsync(string region, string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(EncodeBody(action, parameters));
        var request = new AwsRequest(_service, region, action, HttpMethod.Post, "/", ContentType, body, new Dictionary<string, string>());
        return _retry.ExecuteAsync(
            async ct =>
            {
                var response = await _sender.SendAsync(request, ct).ConfigureAwait(false);
                var document = TryParse(response.Body);
                if (!response.IsSuccess)
                {
                    throw ParseError(document, response, action, region);
                }

                return document ?? throw new AwsServiceException(
                    AwsErrorKind.Other, _service.SigningName, action, region, null,
                    $"the {action} response is not XML", response.StatusCode, response.RequestId);
            },
            cancellationToken);
    }

    private static XDocument? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private AwsServiceException ParseError(XDocument? document, AwsResponse response, string action, string region)
    {
        var error = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
        var message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
        var requestId = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? response.RequestId;
        var kind = AwsErrorClassifier.Classify(code, response.StatusCode);
        return new AwsServiceException(
            kind, _service.SigningName, action, region, code, message ?? $"HTTP {(int)response.StatusCode}", response.StatusCode, requestId);
    }
}
