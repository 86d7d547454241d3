using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookHelpers.Notebooks.Documents;

/// <summary>Reads Jupyter nbformat 4 notebooks. Outputs in the file are dropped: the runner produces fresh ones.</summary>
public static class IpynbReader
{
    /// <summary>Parses <paramref name="json"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string path, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                $"{path}: not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }

        if (root is not JsonObject notebook)
        {
            throw new NotebookFormatException($"{path}: a notebook must be a JSON object.");
        }

        if (notebook["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4)
        {
            throw new NotebookFormatException(
                $"{path}: nbformat {notebook["nbformat"]?.ToJsonString() ?? "(missing)"} is not supported; save the notebook as nbformat 4.");
        }

        if (notebook["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException($"{path}: the notebook has no \"cells\" array.");
        }

        var metadata = notebook["metadata"] as JsonObject ?? [];
        var result = new List<NotebookCell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            result.Add(ReadCell(path, i, cells[i]));
        }

        return new NotebookDocument(path, NotebookFormat.Ipynb, result, (JsonObject)metadata.DeepClone());
    }

    private static NotebookCell ReadCell(string path, int index, JsonNode? node)
    {
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException($"{path}: cell {index + 1} is not a JSON object.");
        }

        var type = cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException($"{path}: cell {index + 1} has cell_type '{type}'; expected code, markdown or raw."),
        };

        var metadata = cell["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [];
        var id = cell["id"]?.GetValueKind() == JsonValueKind.String ? cell["id"]!.GetValue<string>() : null;
        var kernel = kind == CellKind.Code ? CellKernel(path, index, metadata) : null;
        return new NotebookCell(kind, ReadSource(path, index, cell["source"]), kernel, id, metadata) { SourceNumber = index + 1 };
    }

    private static string ReadSource(string path, int index, JsonNode? source) => source switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray lines when lines.All(l => l is JsonValue s && s.GetValueKind() == JsonValueKind.String) =>
            lines.Aggregate(new StringBuilder(), (sb, l) => sb.Append(l!.GetValue<string>())).ToString(),
        _ => throw new NotebookFormatException($"{path}: cell {index + 1} has a source that is neither a string nor a list of strings."),
    };

    private static string? CellKernel(string path, int index, JsonObject metadata) =>
        KernelName(path, index, metadata, "polyglot_notebook", "kernelName") ?? KernelName(path, index, metadata, "dotnet_interactive", "language");

    // Indexing a value that is not an object throws; a cell whose kernel cannot be read must not run as C# by default.
    private static string? KernelName(string path, int index, JsonObject metadata, string section, string property)
    {
        if (metadata[section] is null)
        {
            return null;
        }

        if (metadata[section] is not JsonObject values)
        {
            throw new NotebookFormatException($"{path}: cell {index + 1} has metadata.{section} that is not an object.");
        }

        return values[property] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? KernelNames.Normalize(name.GetValue<string>()) : null;
    }
}
