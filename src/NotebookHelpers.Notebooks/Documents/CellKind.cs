namespace NotebookHelpers.Notebooks.Documents;

/// <summary>The nbformat cell types.</summary>
public enum CellKind
{
    /// <summary>Code, run by a kernel.</summary>
    Code,

    /// <summary>Markdown prose.</summary>
    Markdown,

    /// <summary>Raw text passed through unchanged.</summary>
    Raw,
}
