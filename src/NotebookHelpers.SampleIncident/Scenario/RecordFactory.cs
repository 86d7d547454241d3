using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;

namespace NotebookHelpers.SampleIncident.Scenario;

/// <summary>
/// Builds records the way each service writes them: event source, endpoint host, request-ID shape and event
/// version per service. Callers say what happened; this class fills in how AWS would have recorded it.
/// </summary>
internal sealed class RecordFactory(DeterministicRandom random)
{
    public DeterministicRandom Random { get; } = random;

    /// <summary>An API call. <paramref name="service"/> is the endpoint prefix: <c>iam</c>, <c>ec2</c>, <c>s3</c>...</summary>
    public TrailEvent Call(
        DateTimeOffset time,
        Identity identity,
        string service,
        string eventName,
        string region,
        string sourceIp,
        string userAgent,
        bool readOnly,
        JsonMap? request = null,
        JsonMap? response = null,
        string? errorCode = null,
        string? errorMessage = null,
        string? recipientAccount = null,
        object?[]? resources = null,
        string? tlsHost = null,
        bool noTls = false,
        bool fromConsole = false,
        string? sharedEventId = null,
        string? vpcEndpointId = null,
        bool dataEvent = false,
        JsonMap? additionalEventData = null,
        string? eventType = null)
    {
        return new TrailEvent
        {
            Time = time,
            EventVersion = EventVersion(service, dataEvent),
            Identity = identity,
            EventSource = EventSource(service),
            EventName = eventName,
            Region = region,
            SourceIp = sourceIp,
            UserAgent = userAgent,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            RequestParameters = request,
            ResponseElements = response,
            AdditionalEventData = additionalEventData,
            RequestId = service == "s3" ? Random.UpperAlnum(16) : Random.Uuid(),
            EventId = Random.Uuid(),
            ReadOnly = readOnly,
            Resources = resources,
            EventType = eventType ?? "AwsApiCall",
            ManagementEvent = !dataEvent,
            RecipientAccountId = recipientAccount ?? AccountOf(identity),
            SharedEventId = sharedEventId,
            VpcEndpointId = vpcEndpointId,
            VpcEndpointAccountId = vpcEndpointId is not null && EventVersion(service, dataEvent) == "1.10" ? recipientAccount ?? AccountOf(identity) : null,
            TlsHost = noTls ? null : tlsHost ?? Host(service, region),
            SessionCredentialFromConsole = fromConsole,
        };
    }

    /// <summary>An S3 call with the extra blocks S3 writes: additionalEventData, bucket host, bracketed user agent.</summary>
    public TrailEvent S3(
        DateTimeOffset time,
        Identity identity,
        string eventName,
        string bucket,
        string bucketRegion,
        string sourceIp,
        string userAgent,
        bool readOnly,
        string? key = null,
        JsonMap? extraRequest = null,
        JsonMap? response = null,
        long bytesOut = 0,
        long bytesIn = 0,
        string? bucketOwner = null,
        string? errorCode = null,
        string? errorMessage = null,
        string? vpcEndpointId = null,
        bool dataEvent = true,
        bool fromConsole = false,
        JsonMap? extraAdditional = null)
    {
        var host = $"{bucket}.s3.{bucketRegion}.amazonaws.com";
        var request = new JsonMap { { "bucketName", bucket }, { "Host", host } };
        if (key is not null)
        {
            request.Add("key", key);
        }

        if (extraRequest is not null)
        {
            foreach (var (name, value) in extraRequest)
            {
                request.Add(name, value);
            }
        }

        var additional = new JsonMap
        {
            { "SignatureVersion", "SigV4" },
            { "CipherSuite", "TLS_AES_128_GCM_SHA256" },
            { "bytesTransferredIn", bytesIn },
            { "AuthenticationMethod", "AuthHeader" },
            { "x-amz-id-2", Random.Base64(76) },
            { "bytesTransferredOut", bytesOut },
        };
        if (extraAdditional is not null)
        {
            foreach (var (name, value) in extraAdditional)
            {
                additional.Add(name, value);
            }
        }

        var owner = bucketOwner ?? Accounts.Production;
        object?[] resources = key is null
            ? [new JsonMap { { "accountId", owner }, { "type", "AWS::S3::Bucket" }, { "ARN", $"arn:aws:s3:::{bucket}" } }]
            :
            [
                new JsonMap { { "type", "AWS::S3::Object" }, { "ARN", $"arn:aws:s3:::{bucket}/{key}" } },
                new JsonMap { { "accountId", owner }, { "type", "AWS::S3::Bucket" }, { "ARN", $"arn:aws:s3:::{bucket}" } },
            ];
        return Call(time, identity, "s3", eventName, bucketRegion, sourceIp, UserAgents.Bracketed(userAgent), readOnly,
            request, response, errorCode, errorMessage, owner, resources, host, fromConsole: fromConsole,
            vpcEndpointId: vpcEndpointId, dataEvent: dataEvent, additionalEventData: additional);
    }

    /// <summary>A new <c>ASIA</c> key id.</summary>
    public string SessionKeyId() => "ASIA" + Random.UpperAlnum(16);

    /// <summary>An STS session token: opaque base64 of the usual length.</summary>
    public string SessionToken() => "IQoJb3JpZ2luX2VjE" + Random.Base64(340) + "==";

    public static string AccountOf(Identity identity) => identity switch
    {
        IamUserIdentity u => u.AccountId,
        AssumedRoleIdentity r => r.Role.AccountId,
        _ => throw new ArgumentException("An AWS service or web identity has no account; pass recipientAccount.", nameof(identity)),
    };

    public static string EventSource(string service) => service switch
    {
        "email" => "ses.amazonaws.com",
        "api.ecr" => "ecr.amazonaws.com",
        _ => service + ".amazonaws.com",
    };

    public static string Host(string service, string region) => service switch
    {
        "iam" => "iam.amazonaws.com",
        "sts" when region == Regions.UsEast1 => "sts.amazonaws.com",
        "s3" when region == Regions.UsEast1 => "s3.amazonaws.com",
        "s3" => $"s3.{region}.amazonaws.com",
        "signin" => "signin.aws.amazon.com",
        _ => $"{service}.{region}.amazonaws.com",
    };

    /// <summary>Event versions vary by service in real trails (1.08 to 1.11); these follow 2024-2025 recordings.</summary>
    public static string EventVersion(string service, bool dataEvent) => service switch
    {
        "s3" => dataEvent ? "1.10" : "1.10",
        "iam" => "1.09",
        "ec2" => "1.10",
        "cloudtrail" => "1.11",
        "signin" => "1.09",
        "ecs" or "monitoring" or "athena" or "bedrock" => "1.09",
        _ => "1.08",
    };
}
