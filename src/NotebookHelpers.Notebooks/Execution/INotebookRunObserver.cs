using NotebookHelpers.Notebooks.Documents;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>Receives progress while a notebook runs (the CLI prints it). Called outside cell execution, so writing to the console is safe.</summary>
public interface INotebookRunObserver
{
    /// <summary>A code cell is about to run.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="ordinal">1-based position among the notebook's code cells.</param>
    /// <param name="codeCells">How many code cells the notebook has.</param>
    void CellStarting(NotebookCell cell, int ordinal, int codeCells);

    /// <summary>A code cell finished.</summary>
    /// <param name="cell">The cell, with its outputs.</param>
    /// <param name="ordinal">1-based position among the notebook's code cells.</param>
    /// <param name="codeCells">How many code cells the notebook has.</param>
    /// <param name="elapsed">How long it ran.</param>
    /// <param name="failure">The failure, or null when it succeeded.</param>
    void CellFinished(NotebookCell cell, int ordinal, int codeCells, TimeSpan elapsed, CellFailure? failure);
}
