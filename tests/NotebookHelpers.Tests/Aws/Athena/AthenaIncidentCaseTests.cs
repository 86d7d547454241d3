using NotebookHelpers.Tests.Aws.Support;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.Aws.Athena;

/// <summary>
/// An incident case opened on athena:DATABASE.TABLE over the sample organization trail: the investigation over the
/// files Athena selected finds what it finds over the whole trail. The case reads AWS_* from the process, as a notebook
/// does, so the test is in the process-state collection (the source's own tests, <see cref="AthenaEvidenceSourceTests"/>,
/// are not).
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class AthenaIncidentCaseTests
{
    private const string LeakedKey = "AKIA3NWPX4QHZRT7K2MD";
    private const string Start = "2025-03-10T00:00:00Z";
    private const string End = "2025-03-11T23:59:59Z";

    [Fact]
    public async Task TheInvestigationOverWhatAthenaFetchedFindsWhatItFindsOverTheWholeTrail()
    {
        await using var account = await SampleTrailAthena.StartAsync();
        using var env = EnvironmentScope.ForServer(account.Server);
        using var evidence = new TempDirectory();

        var remote = await IncidentCase.OpenAsync(SampleTrailAthena.Source, LeakedKey, Start, End, evidence.Path);
        var whole = await IncidentCase.OpenAsync("sample", LeakedKey, Start, End);

        Assert.True(remote.Events.Count < whole.Events.Count / 2, $"{remote.Events.Count} of {whole.Events.Count} events fetched");
        Assert.Equal(whole.Investigation!.BlastRadius.AccessKeyIds.Order(), remote.Investigation!.BlastRadius.AccessKeyIds.Order());
        Assert.Equal(whole.Investigation.BlastRadius.ToString(), remote.Investigation.BlastRadius.ToString());
        foreach (var file in Directory.EnumerateFiles(evidence.Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
    }
}
