using NotebookHelpers.Notebooks.Execution;

namespace NotebookHelpers.Notebooks.Batch;

/// <summary>What happened to one notebook of a batch.</summary>
/// <param name="Path">The notebook.</param>
/// <param name="Result">The run, or null when the notebook could not be read. Once its files are written, the cells'
/// outputs are released (they are in <paramref name="ExecutedNotebookPath"/>).</param>
/// <param name="Problem">Why it could not be read or written, or null.</param>
/// <param name="ExecutedNotebookPath">Where the executed notebook was written.</param>
/// <param name="ReportPath">Where the HTML report was written.</param>
public sealed record NotebookOutcome(string Path, NotebookRunResult? Result, string? Problem, string? ExecutedNotebookPath, string? ReportPath)
{
    /// <summary>True when the notebook was read, ran without unexpected failures and its outputs were written.</summary>
    public bool Succeeded => Problem is null && Result is { Succeeded: true };
}
