using NotebookHelpers.SampleIncident;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>
/// The sample generated with the default seed and with another seed, once for the
/// <see cref="GeneratedSampleCollection"/>: its classes (<see cref="SampleIncidentRegenerationTests"/>,
/// <see cref="SampleDigestSigningTests"/>) only read it, and as a class fixture it was generated once for each of them
/// (four generator runs instead of two).
/// </summary>
public sealed class GeneratedSampleFixture : IDisposable
{
    public GeneratedSampleFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "nbh-sample-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        DefaultSeed = Path.Combine(Root, "default");
        OtherSeed = Path.Combine(Root, "other");
        DefaultSummary = SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = DefaultSeed });
        OtherSummary = SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = OtherSeed, Seed = 7 });
    }

    public string Root { get; }

    public string DefaultSeed { get; }

    public string OtherSeed { get; }

    public SampleIncidentSummary DefaultSummary { get; }

    public SampleIncidentSummary OtherSummary { get; }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }
}
