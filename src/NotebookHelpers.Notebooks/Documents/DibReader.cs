using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookHelpers.Notebooks.Documents;

/// <summary>
/// Reads Polyglot Notebooks' .dib format (cells separated by <c>#!csharp</c>, <c>#!markdown</c> … lines). The format
/// has no cell metadata, so a C# cell whose first line is the comment <c>// parameters</c> is the parameters cell.
/// </summary>
public static class DibReader
{
    /// <summary>The first line that marks a .dib cell as the parameters cell.</summary>
    public const string ParametersMarker = "// parameters";

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="path"/>.</summary>
    public static NotebookDocument Parse(string path, string text)
    {
        var kernels = new KernelInfoCollection
        {
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "C#", "cs"]),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("fsharp", "F#", ["f#", "F#", "fs"]),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("markdown", "Markdown", ["md"]),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("javascript", "JavaScript", ["js"]),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("html", "HTML", []),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("sql", "SQL", []),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("kql", "KQL", []),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("mermaid", "Mermaid", []),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("http", "HTTP", []),
            new Microsoft.DotNet.Interactive.Documents.KernelInfo("value", "Value", []),
        };
        kernels.DefaultKernelName = "csharp";

        InteractiveDocument document;
        try
        {
            document = CodeSubmission.Parse(text, kernels);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new NotebookFormatException($"{path}: not a valid .dib notebook: {e.Message}", e);
        }

        var cells = new List<NotebookCell>();
        foreach (var element in document.Elements)
        {
            var kernel = KernelNames.Normalize(element.KernelName ?? KernelNames.CSharp);
            var contents = element.Contents ?? string.Empty;
            var number = cells.Count + 1;
            if (kernel == KernelNames.Markdown)
            {
                cells.Add(new NotebookCell(CellKind.Markdown, contents) { SourceNumber = number });
                continue;
            }

            var metadata = new JsonObject
            {
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
            };
            if (contents.TrimStart().StartsWith(ParametersMarker, StringComparison.Ordinal))
            {
                metadata["tags"] = new JsonArray("parameters");
            }

            cells.Add(new NotebookCell(CellKind.Code, contents, kernel, metadata: metadata) { SourceNumber = number });
        }

        return new NotebookDocument(path, NotebookFormat.Dib, cells);
    }
}
