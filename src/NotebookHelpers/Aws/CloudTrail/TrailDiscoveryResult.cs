namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>Every trail found in the regions checked, and the plain-language verdict on what evidence can exist.</summary>
/// <param name="Trails">The trails, by name.</param>
/// <param name="RegionsChecked">Regions whose DescribeTrails succeeded.</param>
/// <param name="Failures">Regions whose DescribeTrails failed, with the reason.</param>
/// <param name="Verdict">What evidence exists and what cannot exist, one sentence each.</param>
public sealed record TrailDiscoveryResult(
    IReadOnlyList<TrailReport> Trails,
    IReadOnlyList<string> RegionsChecked,
    IReadOnlyDictionary<string, string> Failures,
    IReadOnlyList<string> Verdict)
{
    /// <summary>Log groups trails deliver to (for <c>cwl:</c> sources).</summary>
    public IReadOnlyList<string> LogGroups => [.. Trails.Select(t => t.Trail.LogGroupName).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Buckets trails deliver to, as <c>s3://bucket/prefix</c> (for <c>nbh fetch-trail</c>).</summary>
    public IReadOnlyList<string> Buckets =>
        [.. Trails.Where(t => t.Trail.S3BucketName is not null)
            .Select(t => $"s3://{t.Trail.S3BucketName}/{t.Trail.S3KeyPrefix}".TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)];
}
