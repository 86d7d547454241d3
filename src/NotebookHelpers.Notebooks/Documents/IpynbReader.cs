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

        var major = notebook["nbformat"]?.GetValueKind() == JsonValueKind.Number ? notebook["nbformat"]!.GetValue<int>() : 0;
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: nbformat {major} is not supported; save the notebook as nbformat 4.");
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
        var kernel = kind == CellKind.Code ? CellKernel(metadata) : null;
        return new NotebookCell(kind, ReadSource(path, index, cell["source"]), kernel, id, metadata) { SourceNumber = index + 1 };
    }

    private static string ReadSource(string path, int index, JsonNode? source) => source switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray lines => lines.Aggregate(new StringBuilder(), (sb, l) => sb.Append(l?.GetValue<string>())).ToString(),
        _ => throw new NotebookFormatException($"{path}: cell {index + 1} has a source that is neither a string nor a list of strings."),
    };

    private static string? CellKernel(JsonObject metadata)
    {
        if (metadata["polyglot_notebook"]?["kernelName"] is JsonValue polyglot && polyglot.GetValueKind() == JsonValueKind.String)
        {
            return KernelNames.Normalize(polyglot.GetValue<string>());
        }

        if (metadata["dotnet_interactive"]?["language"] is JsonValue dotnet && dotnet.GetValueKind() == JsonValueKind.String)
        {
            return KernelNames.Normalize(dotnet.GetValue<string>());
        }

        return null;
    }
}
