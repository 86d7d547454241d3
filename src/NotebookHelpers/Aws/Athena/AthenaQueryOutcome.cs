namespace NotebookHelpers.Aws.Athena;

/// <summary>A succeeded Athena query: its rows (header row removed), what it scanned and cost, and what was kept.</summary>
/// <param name="Execution">The execution as it ended.</param>
/// <param name="Columns">The result's columns.</param>
/// <param name="Rows">Every row of every page, in order; a null cell is SQL NULL.</param>
/// <param name="Cost">Bytes scanned and the cost.</param>
/// <param name="EvidencePaths">The evidence files written (SQL text, execution, result pages), relative to the folder.</param>
/// <param name="Warnings">Problems the caller must see (e.g. a result read cut short); empty when none.</param>
public sealed record AthenaQueryOutcome(
    AthenaQueryExecution Execution,
    IReadOnlyList<AthenaColumn> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    AthenaCost Cost,
    IReadOnlyList<string> EvidencePaths,
    IReadOnlyList<string> Warnings);
