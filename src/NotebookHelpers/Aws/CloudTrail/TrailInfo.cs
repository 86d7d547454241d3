namespace NotebookHelpers.Aws.CloudTrail;

/// <summary>A CloudTrail trail as DescribeTrails reports it: where its logs go and what it spans.</summary>
/// <param name="Name">The trail name.</param>
/// <param name="Arn">The trail ARN.</param>
/// <param name="HomeRegion">The region the trail was created in (its status and selectors are read there).</param>
/// <param name="S3BucketName">The bucket its log files are delivered to.</param>
/// <param name="S3KeyPrefix">The key prefix in that bucket, or null.</param>
/// <param name="LogGroupName">The CloudWatch Logs log group it also delivers to, or null.</param>
/// <param name="IsMultiRegion">True when it records every region.</param>
/// <param name="IsOrganizationTrail">True when it records every account of the organization (keys then carry <c>o-…/</c>).</param>
/// <param name="IncludesGlobalServiceEvents">True when IAM, STS and CloudFront events are recorded.</param>
/// <param name="LogFileValidation">True when digest files let you prove the logs were not altered.</param>
public sealed record TrailInfo(
    string Name,
    string Arn,
    string HomeRegion,
    string? S3BucketName,
    string? S3KeyPrefix,
    string? LogGroupName,
    bool IsMultiRegion,
    bool IsOrganizationTrail,
    bool IncludesGlobalServiceEvents,
    bool LogFileValidation);
