using System.Text.Json.Nodes;

namespace NotebookHelpers.Notebooks.Documents;

/// <summary>One cell of a notebook, with its outputs once executed.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellKind kind, string source, string? kernelName = null, string? id = null, JsonObject? metadata = null)
    {
        Kind = kind;
        Source = source;
        KernelName = kernelName;
        Id = id;
        Metadata = metadata ?? [];
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The cell's text.</summary>
    public string Source { get; }

    /// <summary>The kernel a code cell is written for (<c>csharp</c>, <c>fsharp</c> …); null means the notebook's default.</summary>
    public string? KernelName { get; }

    /// <summary>The nbformat cell id, if the source had one.</summary>
    public string? Id { get; set; }

    /// <summary>The cell's metadata, kept as read (tags, editor settings).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The 1-based position of the cell in the source notebook; null for a cell the runner added.</summary>
    public int? SourceNumber { get; init; }

    /// <summary>The execution count once the cell ran.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The outputs once the cell ran.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. <c>parameters</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null).OfType<string>().ToList()
            : [];

    /// <summary>True when the cell carries <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
