using Xunit.Abstractions;

[assembly: TestCollectionOrderer("NotebookHelpers.Tests.Support.ProcessStateFirst", "NotebookHelpers.Tests")]

namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Starts <see cref="ProcessStateCollection"/> first, then the others in xunit's default order. xunit runs as many
/// collections at once as there are cores and starts the next when one ends; the process-state collection is by far
/// the longest (its tests run one at a time: every notebook run and loopback-AWS command line, about half of the
/// suite's test time), so started in its hash-given turn it ran on alone at the end, and started first it overlaps the
/// rest.
/// </summary>
public sealed class ProcessStateFirst : ITestCollectionOrderer
{
    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName == ProcessStateCollection.Name ? 0 : 1)
            .ThenBy(c => c.UniqueID);
}
