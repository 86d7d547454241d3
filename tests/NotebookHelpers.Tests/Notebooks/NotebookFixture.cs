using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>Writes small .ipynb and .dib notebooks for runner tests.</summary>
internal static class NotebookFixture
{
    /// <summary>The library as notebooks reference it: the project's own build output.</summary>
    public static string LibraryPath => typeof(NotebookHelpers.Html.HtmlTable).Assembly.Location;

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    public static JsonObject Code(string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
        }

        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        };
    }

    public static string Ipynb(string folder, string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Cast<JsonNode>().ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    public static string Dib(string folder, string name, params (string Kernel, string Source)[] cells)
    {
        var text = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"csharp\"}]}}\n\n" +
                   string.Concat(cells.Select(c => $"#!{c.Kernel}\n\n{c.Source}\n\n"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".dib");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The text of every output of MIME type <paramref name="mime"/> in a cell.</summary>
    public static string Text(NotebookHelpers.Notebooks.Documents.NotebookCell cell, string mime = "text/plain") =>
        string.Concat(cell.Outputs.Select(o => o switch
        {
            NotebookHelpers.Notebooks.Documents.StreamOutput s when mime == "text/plain" => s.Text,
            NotebookHelpers.Notebooks.Documents.DisplayDataOutput d => d.Data.GetValueOrDefault(mime),
            NotebookHelpers.Notebooks.Documents.ExecuteResultOutput r => r.Data.GetValueOrDefault(mime),
            _ => null,
        }));
}
