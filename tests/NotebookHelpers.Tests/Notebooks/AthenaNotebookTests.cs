using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// A notebook end to end on <c>Source=athena:DATABASE.TABLE</c>: nbh run 05-blast-radius against a loopback account
/// whose Athena table lies over the sample organization trail. The key's files come back through Athena and S3, and
/// the blast radius is the sample's.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AthenaNotebookTests
{
    private const string LeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    private const string BackdoorKey = "AKIA3NWPX4QH6YBVJ5WE";

    [Fact]
    public Task TheBlastRadiusNotebookRunsOnAnAthenaTable() =>
        RunOnTheAthenaTableAsync("05-blast-radius.ipynb", (notebook, account, evidence) =>
        {
            Assert.Contains(BackdoorKey, notebook.CodeCell("incident.Investigation!.BlastRadius").Outputs, StringComparison.Ordinal);
            Assert.Contains("svc-backup-sync", notebook.CodeCell("incident.Investigation!.BlastRadius").Outputs, StringComparison.Ordinal);
            Assert.All(account.Server.Requests, r => Assert.True(r.Signature.IsValid, r.ToString()));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(evidence, "athena"), "query.sql", SearchOption.AllDirectories));
        });

    [Fact]
    public Task TheLogsInsightsNotebookRunsItsQuestionsOverWhatAthenaBroughtHome() =>
        RunOnTheAthenaTableAsync("04-logs-insights.ipynb", (notebook, _, _) =>
            // The key's own questions are answered: its addresses, and what it created (the backdoor key).
            Assert.Contains(BackdoorKey, notebook.Outputs, StringComparison.Ordinal));

    // Runs one notebook on Source=athena: for the leaked key over the sample's two days, checks what every such run
    // must show (no error, the table named, Athena queried, under a quarter of the trail's files downloaded), then
    // the notebook's own facts.
    private static async Task RunOnTheAthenaTableAsync(string notebookFile, Action<ExecutedNotebook, SampleTrailAthena, string> check)
    {
        await using var account = await SampleTrailAthena.StartAsync();
        using var env = EnvironmentScope.ForServer(account.Server);
        using var folder = new TempDirectory();
        var evidence = Path.Combine(folder.Path, "evidence");
        var output = Path.Combine(folder.Path, "out");

        var run = await CliRun.RunAsync("run", Path.Combine(RepositoryPaths.Notebooks, notebookFile), "--out", output,
            "-p", "Source=" + SampleTrailAthena.Source, "-p", "AccessKeyId=" + LeakedKey,
            "-p", "Start=2025-03-10T00:00:00Z", "-p", "End=2025-03-11T23:59:59Z", "-p", "EvidenceFolder=" + evidence);

        Assert.True(run.ExitCode == 0, run.Error);
        var notebook = ExecutedNotebook.Read(Path.Combine(output, notebookFile));
        Assert.DoesNotContain("ERROR ", notebook.Outputs, StringComparison.Ordinal);
        Assert.Contains("Athena table security.org_trail", notebook.Outputs, StringComparison.Ordinal);
        Assert.Contains(account.Server.Requests, r => r.Service == "athena" && r.Operation == "StartQueryExecution");
        Assert.True(account.Bucket_.Downloads.Count < Directory.GetFiles(SampleTrailAthena.TrailFolder, "*.json.gz", SearchOption.AllDirectories).Length / 4);
        check(notebook, account, evidence);
        foreach (var file in Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }
}
