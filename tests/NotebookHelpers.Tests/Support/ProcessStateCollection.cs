namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Tests that change what the whole process shares: notebook runs set the working directory to the notebook's folder
/// (as Jupyter does) and reset .NET Interactive's process-wide formatters; others set AWS_* environment variables (the
/// CLI reads them like the AWS CLI does), and some do both (a notebook on a loopback account). They run one at a
/// time, in one collection, so none sees another's directory, formatters or variables.
/// </summary>
/// <remarks>
/// The collection runs alongside the other collections (it used to be two collections with parallelization disabled,
/// which xunit runs alone after all the others: 2 to 3 minutes of one busy core at the end of <c>dotnet test</c>).
/// That is safe because no test outside it reads what it changes: the AWS tests outside it pass their own
/// <c>AwsEnvironment</c> and credentials and address loopback servers explicitly, none depends on the working
/// directory (paths come from <see cref="RepositoryPaths"/> and temporary folders), and none uses the formatter
/// registry. A test that does must join this collection.
/// </remarks>
[CollectionDefinition(Name)]
public sealed class ProcessStateCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process state";
}
