using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>Notebook 07 run twice on the same evidence writes the same incident report, byte for byte.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class WriteUpNotebookTests
{
    [Fact]
    public async Task RerunOnTheSameEvidenceWritesByteIdenticalReportFindingsAndManifest()
    {
        using var folder = new TempDirectory();
        var reportFolder = Path.Combine(folder.Path, "incident-report");

        var (firstFiles, firstPage) = await RunAsync(reportFolder);
        var (secondFiles, secondPage) = await RunAsync(reportFolder);

        Assert.Equal(["evidence-manifest.json", "findings.csv", "findings.json", "incident-report.html"], firstFiles.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in firstFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(secondFiles[name]), name + " differs between two runs");
        }

        Assert.Equal(firstPage, secondPage);
    }

    private static async Task<(Dictionary<string, byte[]> Files, string Page)> RunAsync(string reportFolder)
    {
        var notebook = await NotebookReader.ReadAsync(Path.Combine(RepositoryPaths.Notebooks, "07-write-up.ipynb"));
        var result = await new NotebookRunner(new NotebookRunOptions { Parameters = [new NotebookParameter("ReportFolder", reportFolder)] }).RunAsync(notebook);
        Assert.Empty(result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        var files = Directory.EnumerateFiles(reportFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        return (files, HtmlReportWriter.Render(result));
    }
}
