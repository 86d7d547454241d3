namespace NotebookHelpers.Detections;

/// <summary>What an access key id's prefix says about it.</summary>
public enum AccessKeyKind
{
    /// <summary>Not an access key prefix (redacted or anonymised data, or another kind of AWS id): see <see cref="AccessKeyIdPrefix"/>.</summary>
    Unknown = 0,

    /// <summary><c>AKIA…</c>: a long-term key of an IAM user or of root; valid until deactivated.</summary>
    LongTerm = 1,

    /// <summary><c>ASIA…</c> (and <c>ABIA</c>, <c>ACCA</c>): temporary credentials from STS (AssumeRole, GetSessionToken, GetFederationToken, console).</summary>
    Temporary = 2,
}
