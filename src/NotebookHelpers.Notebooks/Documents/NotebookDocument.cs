using System.Text.Json.Nodes;

namespace NotebookHelpers.Notebooks.Documents;

/// <summary>A notebook: its cells and its metadata, read from .ipynb or .dib.</summary>
public sealed class NotebookDocument
{
    /// <summary>Creates a document.</summary>
    public NotebookDocument(string path, NotebookFormat format, IEnumerable<NotebookCell> cells, JsonObject? metadata = null)
    {
        Path = path;
        Format = format;
        Cells = cells.ToList();
        Metadata = metadata ?? [];
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The format it was read in.</summary>
    public NotebookFormat Format { get; }

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The notebook metadata, kept as read (kernelspec, language_info …).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The file name without its extension, e.g. <c>01-access-key-activity</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The text of the first markdown heading, else the file name.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Kind == CellKind.Markdown))
            {
                foreach (var line in cell.Source.Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith('#'))
                    {
                        return trimmed.TrimStart('#').Trim();
                    }
                }
            }

            return Name;
        }
    }
}
