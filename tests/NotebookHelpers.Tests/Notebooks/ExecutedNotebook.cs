using System.Text.Json;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// The executed notebook <c>nbh run</c> wrote, read back from its .ipynb as Jupyter would (our reader drops
/// outputs on purpose): each code cell's source, execution count and the text of its outputs.
/// </summary>
public sealed class ExecutedNotebook
{
    private ExecutedNotebook(IReadOnlyList<Cell> cells) => Cells = cells;

    public IReadOnlyList<Cell> Cells { get; }

    /// <summary>Every output of every code cell (stream text, text/plain and text/html), one string.</summary>
    public string Outputs => string.Join("\n", Cells.Select(c => c.Outputs));

    /// <summary>Every text/html output of every code cell, one string: what a browser renders.</summary>
    public string HtmlOutputs { get; private init; } = "";

    /// <summary>The first code cell whose source contains <paramref name="text"/>.</summary>
    public Cell CodeCell(string text) => Cells.First(c => c.Source.Contains(text, StringComparison.Ordinal));

    public static ExecutedNotebook Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var cells = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => new Cell(
                Lines(c.GetProperty("source")),
                c.GetProperty("execution_count").ValueKind == JsonValueKind.Number ? c.GetProperty("execution_count").GetInt32() : null,
                [.. c.GetProperty("metadata").TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!) : []],
                string.Join("\n", c.GetProperty("outputs").EnumerateArray().Select(OutputText))))
            .ToList();
        var html = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("outputs", out _))
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("text/html", out _))
            .Select(o => Lines(o.GetProperty("data").GetProperty("text/html")));
        return new ExecutedNotebook(cells) { HtmlOutputs = string.Join("\n", html) };
    }

    private static string OutputText(JsonElement output) => output.GetProperty("output_type").GetString() switch
    {
        "stream" => Lines(output.GetProperty("text")),
        "error" => "ERROR " + output.GetProperty("ename").GetString() + ": " + output.GetProperty("evalue").GetString(),
        _ => string.Join("\n", output.GetProperty("data").EnumerateObject()
            .Where(d => d.Name is "text/plain" or "text/html")
            .Select(d => Lines(d.Value))),
    };

    private static string Lines(JsonElement text) =>
        text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(l => l.GetString())) : text.GetString() ?? "";

    /// <summary>One executed code cell.</summary>
    public sealed record Cell(string Source, int? ExecutionCount, IReadOnlyList<string> Tags, string Outputs);
}
