namespace NotebookHelpers.Integrity;

/// <summary>What validation says about one digest or log file (JSON and text use the kebab-case names).</summary>
public enum IntegrityStatus
{
    /// <summary>Digest: signed by CloudTrail's key and linked into its chain. Log file: its SHA-256 matches a valid digest.</summary>
    Valid,

    /// <summary>
    /// Digest: its bytes differ from what the next digest recorded, it is unreadable, or it was moved from the key
    /// it names. Log file: its SHA-256 differs from the digest's, or it cannot be decompressed.
    /// </summary>
    Modified,

    /// <summary>A digest the chain links to, or a log file a digest lists, is not in the evidence: deleted, or not fetched.</summary>
    Missing,

    /// <summary>A log file no digest lists: delivered before validation was on, after the last digest, or added by someone else.</summary>
    NotCovered,

    /// <summary>A digest whose signature does not verify with CloudTrail's public key (or names a key CloudTrail never used).</summary>
    InvalidSignature,

    /// <summary>
    /// Cannot be decided: a digest without a signature (the newest of a plain copy, which lacks S3 metadata) or
    /// without public keys; a log file whose only digest is not valid.
    /// </summary>
    Unverified,
}
