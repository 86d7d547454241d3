using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NotebookHelpers.SampleIncident.Records;

/// <summary>
/// Writes a <see cref="TrailEvent"/> as the compact JSON CloudTrail delivers: members in AWS's order, no spaces,
/// and only the escaping AWS does (a slash or a plus sign stays as it is).
/// </summary>
internal sealed class TrailEventSerializer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    // Property names encoded once: transcoding them for every record was a visible share of generation time.
    private static readonly JsonEncodedText NAdditionalEventData = JsonEncodedText.Encode("additionalEventData");
    private static readonly JsonEncodedText NAwsRegion = JsonEncodedText.Encode("awsRegion");
    private static readonly JsonEncodedText NCipherSuite = JsonEncodedText.Encode("cipherSuite");
    private static readonly JsonEncodedText NClientProvidedHostHeader = JsonEncodedText.Encode("clientProvidedHostHeader");
    private static readonly JsonEncodedText NErrorCode = JsonEncodedText.Encode("errorCode");
    private static readonly JsonEncodedText NErrorMessage = JsonEncodedText.Encode("errorMessage");
    private static readonly JsonEncodedText NEventCategory = JsonEncodedText.Encode("eventCategory");
    private static readonly JsonEncodedText NEventID = JsonEncodedText.Encode("eventID");
    private static readonly JsonEncodedText NEventName = JsonEncodedText.Encode("eventName");
    private static readonly JsonEncodedText NEventSource = JsonEncodedText.Encode("eventSource");
    private static readonly JsonEncodedText NEventTime = JsonEncodedText.Encode("eventTime");
    private static readonly JsonEncodedText NEventType = JsonEncodedText.Encode("eventType");
    private static readonly JsonEncodedText NEventVersion = JsonEncodedText.Encode("eventVersion");
    private static readonly JsonEncodedText NManagementEvent = JsonEncodedText.Encode("managementEvent");
    private static readonly JsonEncodedText NReadOnly = JsonEncodedText.Encode("readOnly");
    private static readonly JsonEncodedText NRecipientAccountId = JsonEncodedText.Encode("recipientAccountId");
    private static readonly JsonEncodedText NRequestID = JsonEncodedText.Encode("requestID");
    private static readonly JsonEncodedText NRequestParameters = JsonEncodedText.Encode("requestParameters");
    private static readonly JsonEncodedText NResources = JsonEncodedText.Encode("resources");
    private static readonly JsonEncodedText NResponseElements = JsonEncodedText.Encode("responseElements");
    private static readonly JsonEncodedText NSessionCredentialFromConsole = JsonEncodedText.Encode("sessionCredentialFromConsole");
    private static readonly JsonEncodedText NSharedEventID = JsonEncodedText.Encode("sharedEventID");
    private static readonly JsonEncodedText NSourceIPAddress = JsonEncodedText.Encode("sourceIPAddress");
    private static readonly JsonEncodedText NTlsDetails = JsonEncodedText.Encode("tlsDetails");
    private static readonly JsonEncodedText NTlsVersion = JsonEncodedText.Encode("tlsVersion");
    private static readonly JsonEncodedText NUserAgent = JsonEncodedText.Encode("userAgent");
    private static readonly JsonEncodedText NVpcEndpointAccountId = JsonEncodedText.Encode("vpcEndpointAccountId");
    private static readonly JsonEncodedText NVpcEndpointId = JsonEncodedText.Encode("vpcEndpointId");

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public TrailEventSerializer()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    public byte[] Serialize(TrailEvent e)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var w = _writer;
        w.WriteStartObject();
        w.WriteString(NEventVersion, e.EventVersion);
        e.Identity.Write(w);
        w.WriteString(NEventTime, Timestamps.Iso(e.Time));
        w.WriteString(NEventSource, e.EventSource);
        w.WriteString(NEventName, e.EventName);
        w.WriteString(NAwsRegion, e.Region);
        w.WriteString(NSourceIPAddress, e.SourceIp);
        w.WriteString(NUserAgent, e.UserAgent);
        if (e.ErrorCode is not null)
        {
            w.WriteString(NErrorCode, e.ErrorCode);
        }

        if (e.ErrorMessage is not null)
        {
            w.WriteString(NErrorMessage, e.ErrorMessage);
        }

        w.WritePropertyName(NRequestParameters);
        JsonValueWriter.Write(w, e.RequestParameters);
        w.WritePropertyName(NResponseElements);
        JsonValueWriter.Write(w, e.ResponseElements);
        if (e.AdditionalEventData is not null)
        {
            w.WritePropertyName(NAdditionalEventData);
            JsonValueWriter.Write(w, e.AdditionalEventData);
        }

        if (e.RequestId is not null)
        {
            w.WriteString(NRequestID, e.RequestId);
        }

        w.WriteString(NEventID, e.EventId);
        w.WriteBoolean(NReadOnly, e.ReadOnly);
        if (e.Resources is not null)
        {
            w.WritePropertyName(NResources);
            JsonValueWriter.Write(w, e.Resources);
        }

        w.WriteString(NEventType, e.EventType);
        w.WriteBoolean(NManagementEvent, e.ManagementEvent);
        w.WriteString(NRecipientAccountId, e.RecipientAccountId);
        if (e.SharedEventId is not null)
        {
            w.WriteString(NSharedEventID, e.SharedEventId);
        }

        if (e.VpcEndpointId is not null)
        {
            w.WriteString(NVpcEndpointId, e.VpcEndpointId);
        }

        if (e.VpcEndpointAccountId is not null)
        {
            w.WriteString(NVpcEndpointAccountId, e.VpcEndpointAccountId);
        }

        w.WriteString(NEventCategory, e.EventCategory);
        if (e.TlsHost is not null)
        {
            w.WriteStartObject(NTlsDetails);
            w.WriteString(NTlsVersion, e.TlsVersion);
            w.WriteString(NCipherSuite, e.CipherSuite);
            w.WriteString(NClientProvidedHostHeader, e.TlsHost);
            w.WriteEndObject();
        }

        if (e.SessionCredentialFromConsole)
        {
            w.WriteString(NSessionCredentialFromConsole, "true");
        }

        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
