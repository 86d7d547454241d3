namespace NotebookHelpers.Integrity;

/// <summary>One entry of a digest's <c>logFiles</c>: a log object CloudTrail delivered in the digest's hour and its hash.</summary>
/// <param name="Bucket">Its <c>s3Bucket</c>.</param>
/// <param name="Key">Its <c>s3Object</c>.</param>
/// <param name="HashValue">Its <c>hashValue</c>: hex SHA-256 of the uncompressed object.</param>
/// <param name="HashAlgorithm">Its <c>hashAlgorithm</c> (<c>SHA-256</c>).</param>
public sealed record DigestLogFile(string Bucket, string Key, string HashValue, string HashAlgorithm);
