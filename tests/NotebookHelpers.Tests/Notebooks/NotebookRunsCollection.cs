namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Tests that run notebooks in-process. They run alone: a run sets the process's working directory to the
/// notebook's folder (as Jupyter does) and .NET Interactive's formatters are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRunsCollection
{
    public const string Name = "Notebook runs";
}
