using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Display;

namespace NotebookHelpers.Insights;

/// <summary>
/// Writes <see cref="QueryResults"/> as the GetQueryResults response body:
/// <c>{"status":"Complete","results":[[{"field":"…","value":"…"}]],"statistics":{"recordsMatched":3.0,…}}</c>,
/// statistics as JSON doubles as AWS sends them. Values are evidence text, escaped for terminals by
/// <see cref="JsonText"/> (they round-trip exactly).
/// </summary>
public static class QueryResultsJson
{
    /// <summary>Writes the response JSON (indented when <paramref name="indented"/>).</summary>
    public static void Write(QueryResults results, Stream stream, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteResponse(writer, results);
        }

        stream.Write(JsonText.Escape(buffer.WrittenSpan, new ArrayBufferWriter<byte>()));
    }

    private static void WriteResponse(Utf8JsonWriter writer, QueryResults results)
    {
        writer.WriteStartObject();
        writer.WriteString("status", results.Status.ToString());
        writer.WriteStartArray("results");
        foreach (var row in results.Rows)
        {
            writer.WriteStartArray();
            foreach (var field in row)
            {
                writer.WriteStartObject();
                writer.WriteString("field", field.Field);
                writer.WriteString("value", field.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("statistics");
        WriteDouble(writer, "recordsMatched", results.Statistics.RecordsMatched);
        WriteDouble(writer, "recordsScanned", results.Statistics.RecordsScanned);
        WriteDouble(writer, "bytesScanned", results.Statistics.BytesScanned);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The response JSON as a string.</summary>
    public static string ToJson(QueryResults results, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(results, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // AWS sends statistics as floats ("3.0"); keep that shape so consumers see the same bytes.
    private static void WriteDouble(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0");
    }
}
