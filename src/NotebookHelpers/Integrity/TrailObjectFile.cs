namespace NotebookHelpers.Integrity;

/// <summary>A trail object found in local evidence.</summary>
/// <param name="Key">What its key says.</param>
/// <param name="LocalPath">The file.</param>
/// <param name="Bucket">The bucket, when the folder records it (an nbh evidence folder's <c>s3/BUCKET/</c>), else null.</param>
/// <param name="RelativePath">The file relative to the folder validated, with <c>/</c> separators.</param>
/// <param name="ObjectKey">Its S3 key: the path after <c>s3/BUCKET/</c> in an evidence folder, else the relative path.</param>
public sealed record TrailObjectFile(TrailObjectKey Key, string LocalPath, string? Bucket, string RelativePath, string ObjectKey);
