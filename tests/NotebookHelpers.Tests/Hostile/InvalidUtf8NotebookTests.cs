using System.Text;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Notebooks;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>Notebook 05 runs to its end on evidence where one record's user agent holds a Latin-1 byte.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class InvalidUtf8NotebookTests
{
    [Fact]
    public async Task BlastRadiusRunsOnEvidenceWithAnInvalidUtf8Byte()
    {
        using var dir = new TempDirectory();
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));
        dir.WriteBytes("evidence/latin1.json", HostileRecords.WithLatin1Byte(Encoding.UTF8.GetBytes(
            "{\"Records\":[" + Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:30:00Z", "userAgent", "caf\u00e9", LeakedKeyScenario.LeakedKey)) + "]}"), out _));
        var document = await NotebookReader.ReadAsync(Path.Combine(RepositoryPaths.Notebooks, "05-blast-radius.ipynb"));

        var result = await new NotebookRunner(new NotebookRunOptions
        {
            Parameters = [new NotebookParameter("AccessKeyId", LeakedKeyScenario.LeakedKey), new NotebookParameter("Source", evidence)],
        }).RunAsync(document);

        Assert.Empty(result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        Assert.NotEmpty(result.Document.Cells.Where(c => c.Kind == CellKind.Code).Last().Outputs);
    }
}
