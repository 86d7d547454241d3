namespace NotebookHelpers.Integrity;

/// <summary>The validation of one digest or log file.</summary>
/// <param name="Kind">Digest or log file.</param>
/// <param name="Path">The S3 key (as a digest names it, or as the file's place in the copy gives it).</param>
/// <param name="Status">What validation found.</param>
/// <param name="Reason">Why, in one line; null for a plain <see cref="IntegrityStatus.Valid"/>.</param>
/// <param name="AccountId">The account in the key.</param>
/// <param name="Region">The region in the key.</param>
/// <param name="Time">A digest's end time, or a log file's delivery minute.</param>
/// <param name="LocalPath">The file in the evidence, or null when it is missing.</param>
/// <param name="Digest">For a log file, the key of the digest that lists it; null when none does.</param>
public sealed record IntegrityFileResult(
    IntegrityFileKind Kind,
    string Path,
    IntegrityStatus Status,
    string? Reason,
    string AccountId,
    string Region,
    DateTimeOffset Time,
    string? LocalPath,
    string? Digest)
{
    /// <summary>True unless the status is <see cref="IntegrityStatus.Valid"/>.</summary>
    public bool IsProblem => Status != IntegrityStatus.Valid;
}
