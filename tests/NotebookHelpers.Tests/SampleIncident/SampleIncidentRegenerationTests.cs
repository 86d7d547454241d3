using System.Text.Json;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.SampleIncident;

[Collection(GeneratedSampleCollection.Name)]
public sealed class SampleIncidentRegenerationTests(GeneratedSampleFixture generated)
{
    private const string RegenerateCommand = "dotnet run --project src/NotebookHelpers.Cli -- sample-incident --out data-samples/sample-incident";

    private static string Committed => Path.Combine(RepositoryPaths.DataSamples, "sample-incident");

    [Fact]
    public void RegeneratingWithTheDefaultSeedReproducesTheCommittedFilesByteForByte()
    {
        var expected = RelativeFiles(Committed);
        var actual = RelativeFiles(generated.DefaultSeed);

        Assert.True(expected.SequenceEqual(actual),
            $"The generated file set differs from data-samples/sample-incident (missing: {string.Join(", ", expected.Except(actual).Take(5))}; " +
            $"extra: {string.Join(", ", actual.Except(expected).Take(5))}). Regenerate with: {RegenerateCommand}");
        foreach (var file in expected)
        {
            var same = File.ReadAllBytes(Path.Combine(Committed, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(generated.DefaultSeed, file)));
            Assert.True(same, $"{file} differs from what the generator writes now. Regenerate with: {RegenerateCommand}");
        }
    }

    [Fact]
    public void TheCommittedSampleStaysUnderFiveMegabytes()
    {
        var total = Directory.EnumerateFiles(Committed, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        Assert.InRange(total, 1_000_000, 5_000_000);
    }

    [Fact]
    public void TheCommittedSampleHoldsTenThousandToTwentyThousandEvents()
    {
        Assert.InRange(generated.DefaultSummary.Events, 10_000, 20_000);
    }

    [Fact]
    public void AnotherSeedChangesEveryIdentifierButTellsTheSameStory()
    {
        var first = SampleIncidentFiles.Parse(File.ReadAllText(Path.Combine(generated.DefaultSeed, "answer-key.json"))).GetProperty("timeline");
        var second = SampleIncidentFiles.Parse(File.ReadAllText(Path.Combine(generated.OtherSeed, "answer-key.json"))).GetProperty("timeline");

        // The story's keys are fixed; console session keys (ASIA...) are identifiers like any other and vary.
        var namedKeys = SampleIncidentFiles.Parse(File.ReadAllText(Path.Combine(generated.DefaultSeed, "answer-key.json")))
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("accessKeyId").GetString()).ToHashSet();
        Assert.Equal(first.GetArrayLength(), second.GetArrayLength());
        foreach (var (a, b) in first.EnumerateArray().Zip(second.EnumerateArray()))
        {
            foreach (var field in new[] { "time", "eventName", "region", "sourceIPAddress", "errorCode", "account", "principal" })
            {
                Assert.Equal(a.GetProperty(field).ToString(), b.GetProperty(field).ToString());
            }

            if (namedKeys.Contains(a.GetProperty("accessKeyId").GetString()))
            {
                Assert.Equal(a.GetProperty("accessKeyId").GetString(), b.GetProperty("accessKeyId").GetString());
            }

            Assert.NotEqual(a.GetProperty("eventId").GetString(), b.GetProperty("eventId").GetString());
        }
    }

    [Fact]
    public void TheSummaryCountsWhatWasWritten()
    {
        var s = generated.DefaultSummary;
        var files = SampleIncidentFiles.Load(generated.DefaultSeed);

        Assert.Equal(s.Events - s.TrailRecordsDeleted, files.Trail.Count);
        Assert.Equal((1, 1), (s.TrailObjectsDeleted, s.TrailRecordsDeleted));
        Assert.Equal(s.Events, s.ManagementEvents + s.DataEvents);
        Assert.Equal(s.CloudWatchEvents, files.CloudWatch.Count);
        Assert.Equal(0, s.CloudWatchDropped);
        Assert.Equal(s.TrailObjects, files.TrailObjects.Count);
        Assert.Equal(s.DigestFiles, files.DigestObjects.Count);
        Assert.Equal(s.EventHistoryEvents, files.EventHistory.Count);
        Assert.Equal(s.EventHistoryPages, files.EventHistoryPages.Count);
    }

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
