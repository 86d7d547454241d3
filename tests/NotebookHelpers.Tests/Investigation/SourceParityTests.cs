using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>The same incident read from the S3 trail files and from the CloudWatch Logs export gives the same results.</summary>
public sealed class SourceParityTests
{
    [Fact]
    public void TrailFilesAndCloudWatchExportGiveTheSameFindingsProfileAndBlastRadius()
    {
        var root = Path.Combine(RepositoryPaths.DataSamples, "sample-incident");
        var trail = new Investigator(EvidenceReader.ReadAll([Path.Combine(root, "trail-s3")]).Events);
        var logs = new Investigator(EvidenceReader.ReadAll([Path.Combine(root, "cloudwatch-logs")]).Events);

        Assert.Equal(trail.Index.Events.Count, logs.Index.Events.Count);
        Assert.Equal(trail.Detections.ToString(), logs.Detections.ToString());
        var key = trail.SuggestKeys()[0].AccessKeyId;
        Assert.Equal(key, logs.SuggestKeys()[0].AccessKeyId);
        Assert.Equal(trail.Investigate(key).ToString(), logs.Investigate(key).ToString());
    }
}
