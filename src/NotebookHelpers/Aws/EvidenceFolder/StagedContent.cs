namespace NotebookHelpers.Aws.EvidenceFolder;

/// <summary>
/// What was received for one file before it is placed in the evidence folder: its size and hashes, so a caller can
/// refuse it (a body shorter or longer than listed, an MD5 that differs from the ETag) before it becomes evidence.
/// </summary>
/// <param name="Length">Bytes received.</param>
/// <param name="Sha256">SHA-256 of the bytes, lowercase hex.</param>
/// <param name="Md5">MD5 of the bytes, lowercase hex (what S3 gives a single-part object as its ETag).</param>
public sealed record StagedContent(long Length, string Sha256, string Md5);
