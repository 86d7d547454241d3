using NotebookHelpers.Notebooks.Parameters;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed class NotebookRunOptions
{
    /// <summary>Values injected after the parameters cell.</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>
    /// Inject a parameter that no notebook of the run declares (papermill's behaviour) instead of refusing the run; off
    /// by default, because a mistyped name (<c>AccesKeyId</c>) would otherwise run on the default value.
    /// </summary>
    public bool AllowUnknownParameters { get; init; }

    /// <summary>
    /// A training scenario of the sample incident (<c>llmjacking</c>, <c>s3-ransomware</c>…): every declared parameter
    /// whose default names the sample (<c>"sample"</c>, <c>"sample:event-history"</c>) is injected naming that scenario
    /// instead (<see cref="SampleScenarioParameters"/>); an explicit <see cref="Parameters"/> value still wins. Null: the defaults.
    /// </summary>
    public string? SampleScenario { get; init; }

    /// <summary>Keep running the following cells after a cell fails (nbconvert's <c>--allow-errors</c>).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>
    /// Run with the notebook's folder as the process's working directory, as Jupyter does, so relative paths in
    /// cells mean the same in both hosts. The working directory is process-wide: runs in one process are sequential.
    /// </summary>
    public bool UseNotebookFolderAsWorkingDirectory { get; init; } = true;
}
