using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Investigation;

/// <summary>
/// The same incident read from the S3 trail files and from the CloudWatch Logs export gives the same results, once the
/// records whose log object the story deleted from the trail bucket are left out of the export too.
/// </summary>
public sealed class SourceParityTests
{
    [Fact]
    public void TrailFilesAndCloudWatchExportGiveTheSameFindingsProfileAndBlastRadius()
    {
        var root = Path.Combine(RepositoryPaths.DataSamples, "sample-incident");
        using var answerKey = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "answer-key.json")));
        var deleted = answerKey.RootElement.GetProperty("trailTampering").GetProperty("deletedLogObjects").EnumerateArray()
            .SelectMany(d => d.GetProperty("recordsLost").EnumerateArray()).Select(r => r.GetProperty("eventId").GetString()).ToHashSet();
        var exported = EvidenceReader.ReadAll([Path.Combine(root, "cloudwatch-logs")]).Events;
        var trail = new Investigator(EvidenceReader.ReadAll([Path.Combine(root, "trail-s3")]).Events);
        var logs = new Investigator(exported.Where(e => !deleted.Contains(e.EventID)));

        Assert.NotEmpty(deleted);
        Assert.Equal(trail.Index.Events.Count + deleted.Count, exported.Count);

        Assert.Equal(trail.Index.Events.Count, logs.Index.Events.Count);
        Assert.Equal(trail.Detections.ToString(), logs.Detections.ToString());
        var key = trail.SuggestKeys()[0].AccessKeyId;
        Assert.Equal(key, logs.SuggestKeys()[0].AccessKeyId);
        Assert.Equal(trail.Investigate(key).ToString(), logs.Investigate(key).ToString());
    }
}
