namespace NotebookHelpers.SampleIncident.Records;

/// <summary>
/// One CloudTrail record before serialization. Fields mirror the record; optional ones are omitted when null,
/// as AWS omits them. <see cref="RequestParameters"/> and <see cref="ResponseElements"/> are written as
/// <c>null</c> when absent, because AWS always writes those two.
/// </summary>
internal sealed class TrailEvent
{
    public required DateTimeOffset Time { get; init; }

    public string EventVersion { get; init; } = "1.08";

    public required Identity Identity { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public required string Region { get; init; }

    public required string SourceIp { get; init; }

    public required string UserAgent { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public JsonMap? RequestParameters { get; init; }

    public JsonMap? ResponseElements { get; init; }

    /// <summary>Console sign-in writes <c>{"ConsoleLogin":"Success"}</c> even though other fields are absent.</summary>
    public JsonMap? AdditionalEventData { get; init; }

    /// <summary>Null for console sign-in events, which have no request ID.</summary>
    public string? RequestId { get; init; }

    public required string EventId { get; init; }

    public required bool ReadOnly { get; init; }

    public object?[]? Resources { get; init; }

    public string EventType { get; init; } = "AwsApiCall";

    public bool ManagementEvent { get; init; } = true;

    public required string RecipientAccountId { get; init; }

    public string? SharedEventId { get; init; }

    public string? VpcEndpointId { get; init; }

    public string? VpcEndpointAccountId { get; init; }

    /// <summary>The TLS host the client asked for; null when the caller is an AWS service (no tlsDetails).</summary>
    public string? TlsHost { get; init; }

    public string TlsVersion { get; init; } = "TLSv1.3";

    public string CipherSuite { get; init; } = "TLS_AES_128_GCM_SHA256";

    public bool SessionCredentialFromConsole { get; init; }

    public string EventCategory => ManagementEvent ? "Management" : "Data";
}
