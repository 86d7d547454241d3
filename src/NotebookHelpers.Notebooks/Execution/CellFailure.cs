namespace NotebookHelpers.Notebooks.Execution;

/// <summary>A cell that failed.</summary>
/// <param name="CellNumber">The 1-based position of the cell in the source notebook (the injected cell has none).</param>
/// <param name="ExecutionCount">Its execution count, as shown as <c>In [n]</c>.</param>
/// <param name="ErrorName">The error's name: exception type or <c>CompilationError</c>.</param>
/// <param name="Message">The error message.</param>
/// <param name="Expected">True when the cell is tagged <c>raises-exception</c>: the failure is documented, not a problem.</param>
public sealed record CellFailure(int? CellNumber, int ExecutionCount, string ErrorName, string Message, bool Expected)
{
    /// <summary>"cell 7" or "the injected parameters cell".</summary>
    public string Where => CellNumber is { } n ? $"cell {n}" : "the injected parameters cell";

    /// <summary>The first line of the message.</summary>
    public string FirstLine => Message.Split('\n', 2)[0].TrimEnd('\r');
}
