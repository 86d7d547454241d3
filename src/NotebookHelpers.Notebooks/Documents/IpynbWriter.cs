using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Notebooks.Documents;

/// <summary>
/// Writes a notebook as nbformat 4.5 the way Jupyter does (keys sorted, one-space indent, multi-line strings as lists
/// of lines), with outputs and execution counts, so Jupyter, VS Code and nbconvert open it as they would their own.
/// </summary>
public static partial class IpynbWriter
{
    // Longer lines are written in segments of this many chars (see WriteString).
    private const int SegmentChars = 16 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="document"/> to <paramref name="stream"/>.</summary>
    public static void Write(NotebookDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WritePropertyName("cells");
        writer.WriteStartArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Cells.Count; i++)
        {
            WriteCell(writer, document.Cells[i], UniqueId(document.Cells[i], i, ids));
        }

        writer.WriteEndArray();
        writer.WritePropertyName("metadata");
        NotebookMetadata(document).WriteTo(writer);
        writer.WriteNumber("nbformat", 4);
        writer.WriteNumber("nbformat_minor", 5);
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes <paramref name="document"/> to a string.</summary>
    public static string ToJson(NotebookDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonObject NotebookMetadata(NotebookDocument document)
    {
        var metadata = (JsonObject)document.Metadata.DeepClone();
        if (metadata["kernelspec"] is null)
        {
            metadata["kernelspec"] = new JsonObject
            {
                ["display_name"] = ".NET (C#)",
                ["language"] = "C#",
                ["name"] = ".net-csharp",
            };
        }

        if (metadata["language_info"] is null)
        {
            metadata["language_info"] = new JsonObject
            {
                ["file_extension"] = ".cs",
                ["mimetype"] = "text/x-csharp",
                ["name"] = "C#",
                ["pygments_lexer"] = "csharp",
            };
        }

        return Sorted(metadata);
    }

    private static string UniqueId(NotebookCell cell, int index, HashSet<string> used)
    {
        var id = cell.Id is { Length: > 0 and <= 64 } existing && ValidId().IsMatch(existing) ? existing : $"cell-{index + 1}";
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private static void WriteCell(Utf8JsonWriter writer, NotebookCell cell, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("cell_type", cell.Kind switch
        {
            CellKind.Code => "code",
            CellKind.Markdown => "markdown",
            _ => "raw",
        });
        if (cell.Kind == CellKind.Code)
        {
            if (cell.ExecutionCount is { } count)
            {
                writer.WriteNumber("execution_count", count);
            }
            else
            {
                writer.WriteNull("execution_count");
            }
        }

        writer.WriteString("id", id);
        writer.WritePropertyName("metadata");
        Sorted(cell.Metadata).WriteTo(writer);
        if (cell.Kind == CellKind.Code)
        {
            writer.WritePropertyName("outputs");
            writer.WriteStartArray();
            foreach (var output in cell.Outputs)
            {
                WriteOutput(writer, output);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("source");
        WriteLines(writer, cell.Source);
        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, CellOutput output)
    {
        writer.WriteStartObject();
        switch (output)
        {
            case StreamOutput stream:
                writer.WriteString("name", stream.Name);
                writer.WriteString("output_type", "stream");
                writer.WritePropertyName("text");
                WriteLines(writer, stream.Text);
                break;
            case DisplayDataOutput display:
                WriteData(writer, display.Data);
                writer.WriteStartObject("metadata");
                writer.WriteEndObject();
                writer.WriteString("output_type", "display_data");
                break;
            case ExecuteResultOutput result:
                WriteData(writer, result.Data);
                writer.WriteNumber("execution_count", result.ExecutionCount);
                writer.WriteStartObject("metadata");
                writer.WriteEndObject();
                writer.WriteString("output_type", "execute_result");
                break;
            case ErrorOutput error:
                writer.WriteString("ename", error.Name);
                writer.WriteString("evalue", error.Value);
                writer.WriteString("output_type", "error");
                writer.WriteStartArray("traceback");
                foreach (var line in error.Traceback)
                {
                    writer.WriteStringValue(line);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Unknown output {output.GetType().Name}.", nameof(output));
        }

        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> data)
    {
        writer.WriteStartObject("data");
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(mime);
            WriteLines(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteLines(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            WriteString(writer, text.AsSpan(start, end - start));
            start = end;
        }

        writer.WriteEndArray();
    }

    // Utf8JsonWriter escapes a string into a buffer sized for the worst case, six chars per char, rented from the
    // shared pool, which keeps it: plotly.js inlined in a chart's output is one 3.6-million-char line, so after the
    // first notebook with a chart nbh run held a 64 MB char[] to the end (docs/performance.md, issue 16). Segments keep
    // the buffer small; the bytes written are the same.
    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<char> line)
    {
        if (line.Length <= SegmentChars)
        {
            writer.WriteStringValue(line);
            return;
        }

        while (line.Length > SegmentChars)
        {
            writer.WriteStringValueSegment(line[..SegmentChars], isFinalSegment: false);
            line = line[SegmentChars..];
        }

        writer.WriteStringValueSegment(line, isFinalSegment: true);
    }

    private static JsonObject Sorted(JsonObject source)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in source.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sorted[key] = value is JsonObject o ? Sorted(o) : value?.DeepClone();
        }

        return sorted;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex ValidId();
}
