using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>A key that is not in the evidence stops the investigation with one sentence instead of empty tables and charts.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class KeyNotInEvidenceNotebookTests
{
    [Fact]
    public async Task AccessKeyActivityOfAKeyNotInTheEvidenceSaysSoAndRunsNoSectionAfterTheCheck()
    {
        const string Typo = "AKIA3NWPX4QHZRT7K2ME";
        var document = await NotebookReader.ReadAsync(Path.Combine(RepositoryPaths.Notebooks, "01-access-key-activity.ipynb"));

        var result = await new NotebookRunner(new NotebookRunOptions { Parameters = [new NotebookParameter("AccessKeyId", Typo)] }).RunAsync(document);

        var failure = Assert.Single(result.Failures);
        Assert.Contains("KeyNotInEvidenceException", failure.ErrorName, StringComparison.Ordinal);
        Assert.StartsWith($"{Typo} does not appear in this evidence. Looked at: sample (", failure.FirstLine, StringComparison.Ordinal);
        Assert.Contains("AKIA3NWPX4QHZRT7K2MD", failure.FirstLine, StringComparison.Ordinal);
        var cells = result.Document.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        var check = cells.FindIndex(c => c.Source.Contains("RequireKeyAsync", StringComparison.Ordinal));
        Assert.All(cells.Skip(check + 1), c => Assert.Empty(c.Outputs));
        Assert.DoesNotContain(result.Document.Cells, c => c.Outputs.Any(o => o.ToString()!.Contains("Jan 2000", StringComparison.Ordinal)));
    }
}
