using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Evidence;

/// <summary>Exact counts on every real recording in ../shared/datasets (see its README for provenance).</summary>
public class SharedDatasetCountTests
{
    [SharedDataFact]
    public void InvictusS3DeliveryObjectsHold2900Events()
    {
        var report = Read("invictus-ir-aws-dataset/CloudTrail", out var events);

        Assert.Equal(2900, events.Count);
        Assert.Equal(2900, report.Records);
        Assert.Equal(55, report.FilesRead);
        Assert.Equal(55, report.FilesByFormat[EvidenceFormat.CloudTrailRecords]);
        Assert.Equal(0, report.Skipped);
        Assert.All(events, e => Assert.Equal("us-east-1", e.AwsRegion));
    }

    [SharedDataFact]
    public void InvictusFolderWithReadmeAndLicenceIgnoresThemQuietly()
    {
        var report = Read("invictus-ir-aws-dataset", out var events);

        Assert.Equal(2900, events.Count);
        Assert.Equal(["LICENSE", "README.md"], report.IgnoredFiles.Select(Path.GetFileName));
        Assert.Equal(0, report.Skipped);
    }

    [SharedDataFact]
    public void Sans504GzipLayoutHolds23981EventsAfterDroppingIdenticalCopies()
    {
        var report = Read("suzaku-sample-data-sans504/SANS-504-S3-ransomware-lab", out var events);

        Assert.Equal(30477, report.Records);
        Assert.Equal(23981, report.Events);
        Assert.Equal(23981, events.Count);
        Assert.Equal(6496, report.Duplicates);
        Assert.Equal(0, report.ConflictCount);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(3872, report.FilesRead);
        Assert.Equal(events.Count, events.Select(e => e.EventID).Distinct().Count());
    }

    [SharedDataFact]
    public void StratusDetonationArraysHold310Events()
    {
        var report = Read("stratus-red-team-detonation-logs", out var events);

        Assert.Equal(310, events.Count);
        Assert.Equal(35, report.FilesByFormat[EvidenceFormat.JsonArray]);
        Assert.Equal(0, report.Skipped);
    }

    [SharedDataFact]
    public void TrailDiscoverExamplesHold314EventsFrom563Records()
    {
        var report = Read("traildiscover-log-examples/docs/logExamples", out var events);

        Assert.Equal(563, report.Records);
        Assert.Equal(314, events.Count);
        Assert.Equal(249, report.Duplicates);
        Assert.Equal(0, report.ConflictCount);
        Assert.Equal(0, report.Skipped);
        Assert.Equal(20, report.FilesByFormat[EvidenceFormat.SingleRecord]);
    }

    [SharedDataFact]
    public void OtrfZipOfLogstashJsonLinesHolds103Events()
    {
        var report = Read("otrf-security-datasets/ec2_proxy_s3_exfiltration.zip", out var events);

        Assert.Equal(103, events.Count);
        Assert.Equal(1, report.FilesByFormat[EvidenceFormat.JsonLines]);
        Assert.Equal(0, report.Skipped);
        Assert.Equal("ec2_proxy_s3_exfiltration_2020-09-14011940.json", events[0].Location.Entry);
        Assert.Equal(1, events[0].Location.Line);
        Assert.Equal(103, events[^1].Location.Line);
    }

    [SharedDataFact]
    public void AwsDocsExtractHolds16EventsAndReportsTwoConflicts()
    {
        var report = Read("awsdocs-cloudtrail-examples/awsdocs-example-records.extracted.jsonl", out var events);

        Assert.Equal(16, events.Count);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(2, report.ConflictCount);
        Assert.Equal(["f8ef8fc5-e3e8-4ee1-9d52-2f412ddf17e3", "deb1e1f9-c99b-4612-8e9f-21f93b5d79c0"], report.Conflicts.Select(c => c.EventId));
        Assert.Equal(4, report.Conflicts[0].First.Line);
        Assert.Equal(5, report.Conflicts[0].Second.Line);
    }

    [SharedDataFact]
    public void LookupEventsCliExampleYieldsTheEmbeddedEvent()
    {
        var report = Read("api-responses/LookupEvents.aws-cli-example.json", out var events);

        var only = Assert.Single(events);
        Assert.Equal("ConsoleLogin", only.EventName);
        Assert.Equal("my-role/my-session-name", only.UserIdentity!.DisplayName);
        Assert.Equal(1, report.FilesByFormat[EvidenceFormat.LookupEventsPages]);
    }

    [SharedDataFact]
    public void RerunsProduceIdenticalOutputWhateverTheParallelism()
    {
        var path = RepositoryPaths.SharedDataset("traildiscover-log-examples/docs/logExamples");
        var one = new EvidenceReader(new EvidenceReaderOptions { Parallelism = 1 }).ReadEvents([path]).Select(e => e.ToJson()).ToList();
        var two = new EvidenceReader(new EvidenceReaderOptions { Parallelism = 2 }).ReadEvents([path]).Select(e => e.ToJson()).ToList();

        Assert.Equal(one, two);
    }

    private static ReadReport Read(string relative, out List<NotebookHelpers.Events.CloudTrailEvent> events)
    {
        var reader = new EvidenceReader();
        events = reader.ReadEvents([RepositoryPaths.SharedDataset(relative)]).ToList();
        return reader.Report;
    }
}
