using NotebookHelpers.Evidence;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>The library's evidence reader reads each copy of the sample completely.</summary>
public sealed class EvidenceReaderOnSampleTests
{
    private static readonly SampleIncidentFiles Files = SampleIncidentFiles.Instance;

    private static long Events => Files.AnswerKey.GetProperty("counts").GetProperty("events").GetInt64();

    private static long TrailEvents => Events - Files.AnswerKey.GetProperty("counts").GetProperty("trailRecordsDeleted").GetInt64();

    [Fact]
    public void ReadsEveryTrailRecordAndRecognisesTheDigestsButNotTheirMetadataAsEvidence()
    {
        var (events, report) = EvidenceReader.ReadAll([Path.Combine(Files.Root, "trail-s3")]);

        Assert.Equal(TrailEvents, events.Count);
        Assert.Empty(report.IgnoredFiles);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(Files.DigestObjects.Count, report.DigestFiles);
    }

    [Fact]
    public void ReadsEveryEventOfTheCloudWatchLogsExport()
    {
        var (events, report) = EvidenceReader.ReadAll([Path.Combine(Files.Root, "cloudwatch-logs")]);

        Assert.Equal(Events, events.Count);
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void ReadsTheEventHistoryPagesOfTheLeakedKey()
    {
        var (events, report) = EvidenceReader.ReadAll([Path.Combine(Files.Root, "event-history")]);

        Assert.Equal(Files.EventHistory.Count, events.Count);
        Assert.All(events, e => Assert.Equal("AKIA3NWPX4QHZRT7K2MD", e.UserIdentity?.AccessKeyId));
        // The sweep's own bookkeeping files are not CloudTrail; whatever the reader says about them, no page is lost.
        Assert.All(report.Problems, p => Assert.Matches(@"(manifest\.jsonl|query\.json)", p.Location.Path));
    }
}
