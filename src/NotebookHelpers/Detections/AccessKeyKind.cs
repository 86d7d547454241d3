namespace NotebookHelpers.Detections;

/// <summary>What an access key id's prefix says about it.</summary>
public enum AccessKeyKind
{
    /// <summary>Neither AKIA nor ASIA (redacted or anonymised data).</summary>
    Unknown = 0,

    /// <summary><c>AKIA…</c>: a long-term key of an IAM user or of root; valid until deactivated.</summary>
    LongTerm = 1,

    /// <summary><c>ASIA…</c>: temporary credentials from STS (AssumeRole, GetSessionToken, GetFederationToken, console).</summary>
    Temporary = 2,
}
