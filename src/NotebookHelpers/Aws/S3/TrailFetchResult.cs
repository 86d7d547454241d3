namespace NotebookHelpers.Aws.S3;

/// <summary>The outcome of a trail download.</summary>
/// <param name="Listed">Objects listed for the requested accounts, regions and days.</param>
/// <param name="Downloaded">Objects downloaded now.</param>
/// <param name="Skipped">Objects already in the evidence folder with the same ETag and size.</param>
/// <param name="BytesDownloaded">Bytes downloaded now.</param>
/// <param name="Paths">Every trail file of the request in the evidence folder (relative paths), in key order.</param>
/// <param name="Problems">Objects or prefixes that failed, and objects that changed in S3 since an earlier fetch.</param>
public sealed record TrailFetchResult(
    int Listed,
    int Downloaded,
    int Skipped,
    long BytesDownloaded,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when every listed object is in the evidence folder and nothing failed.</summary>
    public bool IsComplete => Problems.Count == 0;
}
