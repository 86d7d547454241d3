namespace NotebookHelpers.Aws.Logs;

/// <summary>A CloudWatch Logs log group, as DescribeLogGroups lists it.</summary>
/// <param name="Name">The log group name.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RetentionDays">Retention in days; null keeps events forever.</param>
/// <param name="StoredBytes">Bytes stored.</param>
public sealed record LogGroupInfo(string Name, string? Arn, DateTimeOffset? CreatedAt, int? RetentionDays, long? StoredBytes);
