using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.SampleIncident;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Every notebook runs without a cell error on every training scenario other than mining (NotebookCollectionTests
/// covers mining), and the findings and the write-up tell that scenario's story, not the mining one.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ScenarioNotebookTests
{
    public static TheoryData<string, string[]> Stories() => new()
    {
        { "llmjacking", ["bedrock-model-abuse", "bedrock-invocation-logging-deleted", "DeleteModelInvocationLoggingConfiguration", "InvokeModelWithResponseStream", "203.0.113.61", "192.0.2.140"] },
        { "s3-ransomware", ["s3-objects-encrypted-with-customer-key", "s3-data-destruction", "CopyObject", "PutBucketLifecycle", "192.0.2.23", "nw-prod-customer-exports"] },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public async Task EveryNotebookRunsAndTheFindingsAndWriteUpTellTheStory(string scenario, string[] facts)
    {
        SampleScenarioCache.Ensure(scenario, RepositoryPaths.RepositoryRoot);
        using var reports = new TempDirectory();
        var options = new NotebookRunOptions
        {
            SampleScenario = scenario,
            Parameters = [new NotebookParameter("ReportFolder", reports.Path), new NotebookParameter("EvidenceFolder", Path.Combine(reports.Path, "evidence"))],
            AllowUnknownParameters = true,
        };
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Notebooks).Where(NotebookReader.IsNotebookPath).Order(StringComparer.Ordinal))
        {
            var result = await new NotebookRunner(options).RunAsync(await NotebookReader.ReadAsync(path));
            failures.AddRange(result.Failures.Select(f => $"{Path.GetFileName(path)}: {f.Where}: {f.ErrorName}: {f.Message}"));
            pages[Path.GetFileName(path)] = HtmlReportWriter.Render(result);
        }

        Assert.Empty(failures);
        var story = pages["06-findings.ipynb"] + pages["07-write-up.ipynb"];
        Assert.All(facts, fact => Assert.Contains(fact, story, StringComparison.Ordinal));
        // The mining story's backdoor user and miners are not in this evidence: a report naming them would be about something else.
        Assert.DoesNotContain("svc-backup-sync", story, StringComparison.Ordinal);
        Assert.DoesNotContain("g4dn", story, StringComparison.Ordinal);
        Assert.Contains("sample:" + scenario, pages["01-access-key-activity.ipynb"], StringComparison.Ordinal);
    }
}
