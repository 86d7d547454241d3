namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// Tests that set process environment variables (the CLI reads AWS_* like the AWS CLI does). xunit runs this
/// collection on its own, after the parallel ones, so no other test sees the variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process environment";
}
