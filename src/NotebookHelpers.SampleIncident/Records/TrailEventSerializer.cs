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
        w.WriteString("eventVersion", e.EventVersion);
        e.Identity.Write(w);
        w.WriteString("eventTime", Timestamps.Iso(e.Time));
        w.WriteString("eventSource", e.EventSource);
        w.WriteString("eventName", e.EventName);
        w.WriteString("awsRegion", e.Region);
        w.WriteString("sourceIPAddress", e.SourceIp);
        w.WriteString("userAgent", e.UserAgent);
        if (e.ErrorCode is not null)
        {
            w.WriteString("errorCode", e.ErrorCode);
        }

        if (e.ErrorMessage is not null)
        {
            w.WriteString("errorMessage", e.ErrorMessage);
        }

        w.WritePropertyName("requestParameters");
        JsonValueWriter.Write(w, e.RequestParameters);
        w.WritePropertyName("responseElements");
        JsonValueWriter.Write(w, e.ResponseElements);
        if (e.AdditionalEventData is not null)
        {
            w.WritePropertyName("additionalEventData");
            JsonValueWriter.Write(w, e.AdditionalEventData);
        }

        if (e.RequestId is not null)
        {
            w.WriteString("requestID", e.RequestId);
        }

        w.WriteString("eventID", e.EventId);
        w.WriteBoolean("readOnly", e.ReadOnly);
        if (e.Resources is not null)
        {
            w.WritePropertyName("resources");
            JsonValueWriter.Write(w, e.Resources);
        }

        w.WriteString("eventType", e.EventType);
        w.WriteBoolean("managementEvent", e.ManagementEvent);
        w.WriteString("recipientAccountId", e.RecipientAccountId);
        if (e.SharedEventId is not null)
        {
            w.WriteString("sharedEventID", e.SharedEventId);
        }

        if (e.VpcEndpointId is not null)
        {
            w.WriteString("vpcEndpointId", e.VpcEndpointId);
        }

        if (e.VpcEndpointAccountId is not null)
        {
            w.WriteString("vpcEndpointAccountId", e.VpcEndpointAccountId);
        }

        w.WriteString("eventCategory", e.EventCategory);
        if (e.TlsHost is not null)
        {
            w.WriteStartObject("tlsDetails");
            w.WriteString("tlsVersion", e.TlsVersion);
            w.WriteString("cipherSuite", e.CipherSuite);
            w.WriteString("clientProvidedHostHeader", e.TlsHost);
            w.WriteEndObject();
        }

        if (e.SessionCredentialFromConsole)
        {
            w.WriteString("sessionCredentialFromConsole", "true");
        }

        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
