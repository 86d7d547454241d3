using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;

namespace NotebookHelpers.Events;

/// <summary>
/// One CloudTrail event: the typed fields every investigation uses, over the complete original record.
/// The record's UTF-8 JSON is kept byte for byte in an array this event owns (<see cref="Utf8Json"/>), so nothing
/// is lost (invalid UTF-8 excepted: it becomes U+FFFD): <c>requestParameters</c>, <c>responseElements</c>, <c>resources</c>, <c>tlsDetails</c> and fields AWS adds
/// later are all reachable with <see cref="GetField(string)"/>, and <see cref="WriteTo(Stream)"/> re-emits the record.
/// Records reshaped by log shippers (Logstash's <c>@timestamp</c> in place of <c>eventTime</c>) are accepted.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class CloudTrailEvent
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };
    private JsonDocument? _document;

    private CloudTrailEvent(LogRecord record)
    {
        Record = record;
    }

    /// <summary>The record (owned bytes, location, CloudWatch Logs context) this event was read from.</summary>
    public LogRecord Record { get; }

    /// <summary>
    /// The original UTF-8 JSON of the record, except that invalid UTF-8 sequences are replaced by U+FFFD
    /// (see <see cref="Utf8Repair"/>).
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json => Record.Json;

    /// <summary>Where the record was read.</summary>
    public EvidenceLocation Location => Record.Location;

    /// <summary><c>eventVersion</c>, e.g. <c>1.08</c>.</summary>
    public string? EventVersion { get; private set; }

    /// <summary><c>eventTime</c> (or a shipper's <c>@timestamp</c>), in UTC.</summary>
    public DateTimeOffset EventTime { get; private set; }

    /// <summary><c>eventSource</c>, e.g. <c>iam.amazonaws.com</c>.</summary>
    public string? EventSource { get; private set; }

    /// <summary><c>eventName</c>, e.g. <c>CreateAccessKey</c>.</summary>
    public string? EventName { get; private set; }

    /// <summary><c>awsRegion</c>.</summary>
    public string? AwsRegion { get; private set; }

    /// <summary><c>sourceIPAddress</c>: an IP, or a service name such as <c>ec2.amazonaws.com</c>.</summary>
    public string? SourceIPAddress { get; private set; }

    /// <summary><c>userAgent</c>.</summary>
    public string? UserAgent { get; private set; }

    /// <summary><c>errorCode</c>, e.g. <c>AccessDenied</c>; null for a successful call.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary><c>errorMessage</c>.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary><c>readOnly</c> (a JSON boolean in trail records, the string <c>"true"</c>/<c>"false"</c> in some exports).</summary>
    public bool? ReadOnly { get; private set; }

    /// <summary><c>eventType</c>: <c>AwsApiCall</c>, <c>AwsConsoleSignIn</c>, <c>AwsServiceEvent</c>, ...</summary>
    public string? EventType { get; private set; }

    /// <summary><c>managementEvent</c>.</summary>
    public bool? ManagementEvent { get; private set; }

    /// <summary><c>recipientAccountId</c>: the account that received the event.</summary>
    public string? RecipientAccountId { get; private set; }

    /// <summary><c>eventID</c>: CloudTrail's unique id of the event (the dedup key).</summary>
    public string? EventID { get; private set; }

    /// <summary><c>requestID</c>.</summary>
    public string? RequestID { get; private set; }

    /// <summary><c>sharedEventID</c>: links copies of a cross-account event.</summary>
    public string? SharedEventID { get; private set; }

    /// <summary><c>eventCategory</c>: <c>Management</c>, <c>Data</c>, <c>Insight</c>, <c>NetworkActivity</c>.</summary>
    public string? EventCategory { get; private set; }

    /// <summary><c>userIdentity</c>, when the record has one (a few service events do not).</summary>
    public UserIdentity? UserIdentity { get; private set; }

    /// <summary>
    /// The record as a parsed JSON tree, built on first use and kept. Use it for fields the typed properties do not
    /// cover; <see cref="GetField(string)"/> is the short form.
    /// </summary>
    public JsonElement RootElement
    {
        get
        {
            var document = _document;
            if (document is null)
            {
                document = JsonDocument.Parse(Record.Json, new JsonDocumentOptions { MaxDepth = 256 });
                document = Interlocked.CompareExchange(ref _document, document, null) ?? document;
            }

            return document.RootElement;
        }
    }

    /// <summary>
    /// Parses a CloudTrail record. The bytes are copied: the event never depends on the caller's buffer.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not JSON, not an object, or carry no readable event time.</exception>
    public static CloudTrailEvent Parse(ReadOnlySpan<byte> utf8Json, EvidenceLocation? location = null) =>
        FromRecord(new LogRecord(utf8Json.ToArray(), location ?? new EvidenceLocation("(memory)")));

    /// <summary>Parses a CloudTrail record given as text.</summary>
    /// <exception cref="FormatException">The text is not a CloudTrail record.</exception>
    public static CloudTrailEvent Parse(string json, EvidenceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromRecord(new LogRecord(Encoding.UTF8.GetBytes(json), location ?? new EvidenceLocation("(memory)")));
    }

    /// <summary>The typed view of a record; its bytes are copied so the record's buffer may be reused afterwards.</summary>
    /// <exception cref="FormatException">The record is not a CloudTrail record; the message names its location.</exception>
    public static CloudTrailEvent FromRecord(LogRecord record)
    {
        if (!TryFromRecord(record, out var ev, out var error))
        {
            throw new FormatException($"{record.Location}: {error}");
        }

        return ev;
    }

    /// <summary>Like <see cref="FromRecord"/>, reporting a problem instead of throwing.</summary>
    public static bool TryFromRecord(LogRecord record, [NotNullWhen(true)] out CloudTrailEvent? ev, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(record);

        // Invalid UTF-8 is replaced with U+FFFD here, once, so that every reader of a field (typed properties,
        // RootElement, detections, renderers) sees valid text; the reader reports where it was (InvalidUtf8).
        var owned = new LogRecord(Utf8Repair.Repair(record.Json.Span), record.Location, record.Context);
        var candidate = new CloudTrailEvent(owned);
        try
        {
            error = candidate.ReadTypedFields();
        }
        catch (JsonException e)
        {
            error = $"invalid JSON at byte {e.BytePositionInLine ?? 0}: {FirstSentence(e.Message)}";
        }

        ev = error is null ? candidate : null;
        return error is null;
    }

    /// <summary>The value at a flattened path (<c>resources.0.ARN</c>); see <see cref="FieldPath"/>.</summary>
    public JsonElement? GetField(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FieldPath.TryResolve(RootElement, path, out var value) ? value : null;
    }

    /// <summary>
    /// The text of the value at a flattened path, the way Logs Insights shows it: strings unescaped, numbers and
    /// booleans as written, objects and arrays as compact JSON, null when absent or JSON null.
    /// </summary>
    public string? GetString(string path) => GetField(path) is { } value ? FieldPath.ToText(value) : null;

    /// <summary>Writes the original record bytes, unchanged.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Record.Json.Span);
    }

    /// <summary>The original record as text.</summary>
    public string ToJson() => Encoding.UTF8.GetString(Record.Json.Span);

    /// <inheritdoc />
    public override string ToString() =>
        $"{EventTime:yyyy-MM-ddTHH:mm:ssZ} {EventSource} {EventName} {UserIdentity?.DisplayName}";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private string? ReadTypedFields()
    {
        var seen = 0UL;
        var reader = new Utf8JsonReader(Record.Json.Span, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "the record is not a JSON object";
        }

        DateTimeOffset? eventTime = null;
        DateTimeOffset? shipperTimestamp = null;
        var timeText = (string?)null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("eventTime"u8) && Once(ref seen, 0):
                    eventTime = ReadTime(ref reader, ref timeText);
                    break;
                case var n when n.SequenceEqual("@timestamp"u8) && Once(ref seen, 1):
                    shipperTimestamp = ReadTime(ref reader, ref timeText);
                    break;
                case var n when n.SequenceEqual("eventVersion"u8) && Once(ref seen, 2): EventVersion = ReadString(ref reader); break;
                case var n when n.SequenceEqual("eventSource"u8) && Once(ref seen, 3): EventSource = ReadString(ref reader); break;
                case var n when n.SequenceEqual("eventName"u8) && Once(ref seen, 4): EventName = ReadString(ref reader); break;
                case var n when n.SequenceEqual("awsRegion"u8) && Once(ref seen, 5): AwsRegion = ReadString(ref reader); break;
                case var n when n.SequenceEqual("sourceIPAddress"u8) && Once(ref seen, 6): SourceIPAddress = ReadString(ref reader); break;
                case var n when n.SequenceEqual("userAgent"u8) && Once(ref seen, 7): UserAgent = ReadString(ref reader); break;
                case var n when n.SequenceEqual("errorCode"u8) && Once(ref seen, 8): ErrorCode = ReadString(ref reader); break;
                case var n when n.SequenceEqual("errorMessage"u8) && Once(ref seen, 9): ErrorMessage = ReadString(ref reader); break;
                case var n when n.SequenceEqual("readOnly"u8) && Once(ref seen, 10): ReadOnly = ReadBoolean(ref reader); break;
                case var n when n.SequenceEqual("eventType"u8) && Once(ref seen, 11): EventType = ReadString(ref reader); break;
                case var n when n.SequenceEqual("managementEvent"u8) && Once(ref seen, 12): ManagementEvent = ReadBoolean(ref reader); break;
                case var n when n.SequenceEqual("recipientAccountId"u8) && Once(ref seen, 13): RecipientAccountId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("eventID"u8) && Once(ref seen, 14): EventID = ReadString(ref reader); break;
                case var n when n.SequenceEqual("requestID"u8) && Once(ref seen, 15): RequestID = ReadString(ref reader); break;
                case var n when n.SequenceEqual("sharedEventID"u8) && Once(ref seen, 16): SharedEventID = ReadString(ref reader); break;
                case var n when n.SequenceEqual("eventCategory"u8) && Once(ref seen, 17): EventCategory = ReadString(ref reader); break;
                case var n when n.SequenceEqual("userIdentity"u8) && Once(ref seen, 18): UserIdentity = ReadUserIdentity(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return "the record is not a complete JSON object";
        }

        if (reader.Read())
        {
            return $"unexpected data after the record at byte {reader.TokenStartIndex}";
        }

        if ((eventTime ?? shipperTimestamp) is not { } time)
        {
            return timeText is null
                ? "not a CloudTrail record: no eventTime (or @timestamp)"
                : $"not a CloudTrail record: eventTime '{timeText}' is not a date-time";
        }

        EventTime = time;
        return null;
    }

    // A repeated key reads as its first occurrence in every reader (docs/evidence-formats.md): the later ones are
    // skipped here as unmodelled fields.
    private static bool Once(ref ulong seen, int field)
    {
        var bit = 1UL << field;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    // A key as its text: escaped keys ("event\u004eame") never occur in AWS output, but they must read as the same
    // key in the typed view as in queries.
    private static ReadOnlySpan<byte> NameOf(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, ref string? text)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        if (!reader.ValueIsEscaped && CloudTrailTimestamp.TryParse(reader.ValueSpan, out var value))
        {
            return value;
        }

        text = reader.GetString();
        return CloudTrailTimestamp.TryParse(text, out value) ? value : null;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    private static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("true"u8))
                {
                    return true;
                }

                return reader.ValueTextEquals("false"u8) ? false : null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static UserIdentity? ReadUserIdentity(ref Utf8JsonReader reader)
    {
        var seen = 0UL;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? type = null, principalId = null, arn = null, accountId = null, accessKeyId = null, userName = null, invokedBy = null;
        SessionContext? session = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("type"u8) && Once(ref seen, 0): type = ReadString(ref reader); break;
                case var n when n.SequenceEqual("principalId"u8) && Once(ref seen, 1): principalId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("arn"u8) && Once(ref seen, 2): arn = ReadString(ref reader); break;
                case var n when n.SequenceEqual("accountId"u8) && Once(ref seen, 3): accountId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("accessKeyId"u8) && Once(ref seen, 4): accessKeyId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("userName"u8) && Once(ref seen, 5): userName = ReadString(ref reader); break;
                case var n when n.SequenceEqual("invokedBy"u8) && Once(ref seen, 6): invokedBy = ReadString(ref reader); break;
                case var n when n.SequenceEqual("sessionContext"u8) && Once(ref seen, 7): session = ReadSessionContext(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new UserIdentity(type, principalId, arn, accountId, accessKeyId, userName, invokedBy, session);
    }

    private static SessionContext? ReadSessionContext(ref Utf8JsonReader reader)
    {
        var seen = 0UL;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        bool? mfa = null;
        DateTimeOffset? created = null;
        SessionIssuer? issuer = null;
        string? sourceIdentity = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            if (name.SequenceEqual("attributes"u8) && Once(ref seen, 0) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var attribute = NameOf(ref reader);
                    reader.Read();
                    if (attribute.SequenceEqual("mfaAuthenticated"u8) && Once(ref seen, 1))
                    {
                        mfa = ReadBoolean(ref reader);
                    }
                    else if (attribute.SequenceEqual("creationDate"u8) && Once(ref seen, 2))
                    {
                        string? ignored = null;
                        created = ReadTime(ref reader, ref ignored);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (name.SequenceEqual("sessionIssuer"u8) && Once(ref seen, 3))
            {
                issuer = ReadSessionIssuer(ref reader);
            }
            else if (name.SequenceEqual("sourceIdentity"u8) && Once(ref seen, 4))
            {
                sourceIdentity = ReadString(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new SessionContext(mfa, created, issuer, sourceIdentity);
    }

    private static SessionIssuer? ReadSessionIssuer(ref Utf8JsonReader reader)
    {
        var seen = 0UL;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? type = null, principalId = null, arn = null, accountId = null, userName = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = NameOf(ref reader);
            reader.Read();
            switch (name)
            {
                case var n when n.SequenceEqual("type"u8) && Once(ref seen, 0): type = ReadString(ref reader); break;
                case var n when n.SequenceEqual("principalId"u8) && Once(ref seen, 1): principalId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("arn"u8) && Once(ref seen, 2): arn = ReadString(ref reader); break;
                case var n when n.SequenceEqual("accountId"u8) && Once(ref seen, 3): accountId = ReadString(ref reader); break;
                case var n when n.SequenceEqual("userName"u8) && Once(ref seen, 4): userName = ReadString(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        // OTRF/Logstash records carry an empty "sessionIssuer": {} — that is no issuer.
        return type is null && principalId is null && arn is null && accountId is null && userName is null
            ? null
            : new SessionIssuer(type, principalId, arn, accountId, userName);
    }
}
