namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>
/// The classes that read the generated sample (<see cref="GeneratedSampleFixture"/>): one collection so that it is
/// generated once per test run and deleted at its end. Its classes run one after the other, alongside the other
/// collections; together they take less CPU than the second generation they used to cost.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GeneratedSampleCollection : ICollectionFixture<GeneratedSampleFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Generated sample";
}
