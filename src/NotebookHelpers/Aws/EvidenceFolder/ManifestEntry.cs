using System.Text.Json.Serialization;

namespace NotebookHelpers.Aws.EvidenceFolder;

/// <summary>
/// One line of an evidence folder's <c>manifest.jsonl</c>: a file fetched from AWS, its size and SHA-256, the request
/// that fetched it and when. A report cites these; a rerun reads the files they list instead of calling AWS.
/// </summary>
/// <param name="Path">The file, relative to the folder, with <c>/</c> separators.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lowercase hex.</param>
/// <param name="Source">The request that fetched it, e.g. <c>cloudtrail:LookupEvents us-east-1 AccessKeyId=AKIA… page 3</c> (never a secret).</param>
/// <param name="FetchedAt">When it was fetched (UTC).</param>
/// <param name="ETag">The S3 ETag of a downloaded object, when there is one.</param>
public sealed record ManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("fetchedAt")] DateTimeOffset FetchedAt,
    [property: JsonPropertyName("etag")] string? ETag = null);
