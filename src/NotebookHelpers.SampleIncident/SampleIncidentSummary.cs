namespace NotebookHelpers.SampleIncident;

/// <summary>What a generation run wrote.</summary>
/// <param name="Seed">The seed used.</param>
/// <param name="Scale">The background density used.</param>
/// <param name="Days">Days of recording.</param>
/// <param name="RecordingStart">The first instant of the recording (it ends at 2025-03-12T00:00Z).</param>
/// <param name="Events">Records generated (each copy of a cross-account record counts once per account).</param>
/// <param name="ManagementEvents">Of <paramref name="Events"/>, management events.</param>
/// <param name="DataEvents">Of <paramref name="Events"/>, S3 data events.</param>
/// <param name="TrailObjects">CloudTrail log objects under <c>trail-s3/</c> (delivered, less those the story deleted).</param>
/// <param name="DigestFiles">Digest files written under <c>trail-s3/</c>.</param>
/// <param name="CloudWatchEvents">Events in the CloudWatch Logs export.</param>
/// <param name="CloudWatchDropped">Events left out of the CloudWatch Logs export because they exceed 256 KB.</param>
/// <param name="CloudWatchObjects">Objects of the CloudWatch Logs export.</param>
/// <param name="EventHistoryEvents">Events saved as LookupEvents pages (the leaked key's management events).</param>
/// <param name="EventHistoryPages">LookupEvents pages written.</param>
/// <param name="TrailBytes">Compressed size of the trail objects delivered.</param>
/// <param name="TrailObjectsDeleted">Log objects the story deleted from <c>trail-s3/</c> after delivery (the digests still list them).</param>
/// <param name="TrailRecordsDeleted">Records lost from <c>trail-s3/</c> with them (still in <c>cloudwatch-logs/</c>).</param>
public sealed record SampleIncidentSummary(
    long Seed,
    int Scale,
    int Days,
    DateTimeOffset RecordingStart,
    long Events,
    long ManagementEvents,
    long DataEvents,
    int TrailObjects,
    int DigestFiles,
    long CloudWatchEvents,
    long CloudWatchDropped,
    int CloudWatchObjects,
    int EventHistoryEvents,
    int EventHistoryPages,
    long TrailBytes,
    int TrailObjectsDeleted,
    int TrailRecordsDeleted);
