namespace NotebookHelpers.Integrity;

/// <summary>What a validation covers and which public keys it trusts.</summary>
public sealed record TrailIntegrityOptions
{
    /// <summary>
    /// Validate from here (UTC): digests ending after it, and log files delivered from it on. Null starts at the
    /// oldest digest found in each chain; log files delivered before then are counted as not checked.
    /// </summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// Validate up to here: digests ending up to an hour after it (they list files delivered before it), and log files
    /// delivered up to it. Null leaves the end open, so files delivered after the last digest are reported.
    /// </summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The public keys to verify signatures with (besides those an evidence folder saved).</summary>
    public PublicKeySet PublicKeys { get; init; } = PublicKeySet.Empty;

    /// <summary>Log files hashed at once (default: the processor count).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
