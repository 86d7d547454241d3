namespace NotebookHelpers.Notebooks.Documents;

/// <summary>The file formats the runner reads.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter nbformat 4 (.ipynb).</summary>
    Ipynb,

    /// <summary>Polyglot Notebooks' plain-text format (.dib).</summary>
    Dib,
}
