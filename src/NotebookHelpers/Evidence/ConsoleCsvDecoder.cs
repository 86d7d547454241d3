using System.Buffers;
using System.Text;
using System.Text.Json;
using NotebookHelpers.Events;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Reads the CloudTrail console's Event history CSV download. A row carries only the columns the console shows
/// (event id, time, user name, event name and source, resource type/name, access key, region, error code, source
/// IP, read-only, request id, category), so each row becomes a partial CloudTrail record: the mapped fields under
/// their CloudTrail names, plus every column verbatim under <c>consoleCsv</c>. A row can NOT give requestParameters,
/// responseElements, userAgent, userIdentity type/ARN/account, sessionContext or the error message. If the
/// download has a column holding the full event JSON (<c>CloudTrail event</c>), that JSON is the record instead.
/// Columns are matched by header name, case-insensitively, so column order and extra columns do not matter.
/// </summary>
internal sealed class ConsoleCsvDecoder
{
    private static readonly string[] RequiredHeaders = ["event name", "event time"];

    private readonly Stream _content;
    private readonly byte[] _head;
    private readonly EvidenceLocation _file;
    private readonly Action<DecodedChunk> _sink;

    public ConsoleCsvDecoder(Stream content, ReadOnlySpan<byte> head, EvidenceLocation file, Action<DecodedChunk> sink)
    {
        _content = content;
        _head = head.ToArray();
        _file = file;
        _sink = sink;
    }

    public static bool LooksLikeConsoleCsv(ReadOnlySpan<byte> head)
    {
        var newline = head.IndexOf((byte)'\n');
        var header = Encoding.UTF8.GetString(newline < 0 ? head : head[..newline]).ToLowerInvariant();
        return header.Contains(',', StringComparison.Ordinal) && RequiredHeaders.All(h => header.Contains(h, StringComparison.Ordinal));
    }

    public void Run(List<ReadProblem> earlier)
    {
        using var rest = new MemoryStream();
        rest.Write(_head);
        _content.CopyTo(rest);
        var text = Encoding.UTF8.GetString(rest.GetBuffer(), 0, (int)rest.Length);
        var chunk = new DecodedChunk();
        chunk.Problems.AddRange(earlier);
        var rows = CsvRows(text).GetEnumerator();
        if (!rows.MoveNext())
        {
            _sink(chunk);
            return;
        }

        var headers = rows.Current.Fields.Select(h => h.Trim()).ToArray();
        var index = headers.Select((h, i) => (h.ToLowerInvariant(), i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i);
        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var location = _file.AtLine(line);
            if (fields.Count != headers.Length)
            {
                chunk.Problems.Add(new ReadProblem(location, ReadProblemKind.InvalidLine, $"a row with {fields.Count} columns under a header of {headers.Length}"));
                continue;
            }

            string? Get(string name) => index.TryGetValue(name, out var i) && fields[i].Length > 0 ? fields[i] : null;
            var json = Get("cloudtrail event") is { } full && full.TrimStart().StartsWith('{') ? Encoding.UTF8.GetBytes(full) : BuildRecord(headers, fields, Get);
            var record = new LogRecord(json, location);
            if (!CloudTrailEvent.TryFromRecord(record, out var ev, out var error))
            {
                chunk.Problems.Add(new ReadProblem(location, ReadProblemKind.NotCloudTrail, error));
                continue;
            }

            var id = ev.EventID is { } eventId ? Encoding.UTF8.GetBytes(eventId) : null;
            chunk.Records.Add(new DecodedRecord(record, record.Json, record.Location, ev.EventTime.UtcTicks, id is not null, id is null ? default : RecordFingerprint.OfId(id), RecordFingerprint.Of(json, hasWhitespace: false), Json.JsonDuplicateKeys.Find(json)));
        }

        _sink(chunk);
    }

    private static byte[] BuildRecord(string[] headers, List<string> fields, Func<string, string?> get)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Write(w, "eventID", get("event id"));
            if (get("event time") is { } time)
            {
                w.WriteString("eventTime", CloudTrailTimestamp.TryParse(time.AsSpan(), out var parsed) || TryConsoleTime(time, out parsed)
                    ? parsed.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
                    : time);
            }

            Write(w, "eventSource", get("event source"));
            Write(w, "eventName", get("event name"));
            Write(w, "awsRegion", get("aws region"));
            Write(w, "sourceIPAddress", get("source ip address"));
            Write(w, "errorCode", get("error code"));
            Write(w, "requestID", get("request id"));
            Write(w, "eventCategory", get("event category"));
            if (get("read-only") is { } readOnly && bool.TryParse(readOnly, out var ro))
            {
                w.WriteBoolean("readOnly", ro);
            }

            if (get("user name") is not null || get("aws access key") is not null)
            {
                w.WriteStartObject("userIdentity");
                Write(w, "userName", get("user name"));
                Write(w, "accessKeyId", get("aws access key"));
                w.WriteEndObject();
            }

            if (get("resource type") is not null || get("resource name") is not null)
            {
                w.WriteStartArray("resources");
                w.WriteStartObject();
                Write(w, "type", get("resource type"));
                Write(w, "ARN", get("resource name"));
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartObject("consoleCsv");
            for (var i = 0; i < headers.Length; i++)
            {
                w.WriteString(headers[i], fields[i]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    // The console may print local times such as "2024-03-01 10:15:30 (UTC-08:00)" or "March 01, 2024, 10:15:30 (UTC+01:00)".
    private static bool TryConsoleTime(string text, out DateTimeOffset value)
    {
        value = default;
        var open = text.LastIndexOf("(UTC", StringComparison.Ordinal);
        if (open < 0)
        {
            return false;
        }

        var zone = text[(open + 4)..].TrimEnd(')');
        var local = text[..open].Trim().TrimEnd(',');
        if (!DateTime.TryParse(local, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var dt))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (zone.Length > 0 && !TimeSpan.TryParse(zone.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture, out offset))
        {
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), offset).ToUniversalTime();
        return true;
    }

    // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
    private static IEnumerable<(long Line, List<string> Fields)> CsvRows(string text)
    {
        var i = 0;
        long line = 1;
        while (i < text.Length)
        {
            var rowLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        inQuotes = false;
                        i++;
                        continue;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    inQuotes = true;
                    i++;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (c is '\r' or '\n')
                {
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                }
                else
                {
                    field.Append(c);
                    i++;
                }
            }

            fields.Add(field.ToString());
            yield return (rowLine, fields);
        }
    }
}
