namespace NotebookHelpers.Detections;

/// <summary>
/// What the four-letter prefix of an AWS identifier says, from IAM's "Unique identifiers" reference: access key ids
/// (AKIA, ASIA, ABIA, ACCA) and the ids of users, groups, roles, policies, instance profiles, public keys and
/// certificates that turn up where a key id is expected. The one table every classification of a key id uses.
/// </summary>
/// <param name="Prefix">The four letters, e.g. <c>AKIA</c>.</param>
/// <param name="Kind">The access key kind it implies (<see cref="AccessKeyKind.Unknown"/> for ids that are not keys).</param>
/// <param name="Meaning">What the identifier is, in a few words.</param>
public sealed record AccessKeyIdPrefix(string Prefix, AccessKeyKind Kind, string Meaning)
{
    /// <summary>Every prefix AWS documents, access keys first.</summary>
    public static IReadOnlyList<AccessKeyIdPrefix> Table { get; } =
    [
        new("AKIA", AccessKeyKind.LongTerm, "long-term access key of an IAM user or root; valid until deactivated"),
        new("ASIA", AccessKeyKind.Temporary, "temporary access key from STS (AssumeRole, GetSessionToken, GetFederationToken, a console or instance session)"),
        new("ABIA", AccessKeyKind.Temporary, "STS service bearer token"),
        new("ACCA", AccessKeyKind.Temporary, "context-specific credential"),
        new("AIDA", AccessKeyKind.Unknown, "IAM user id, not an access key"),
        new("AROA", AccessKeyKind.Unknown, "IAM role id, not an access key"),
        new("AGPA", AccessKeyKind.Unknown, "IAM group id, not an access key"),
        new("ANPA", AccessKeyKind.Unknown, "managed policy id, not an access key"),
        new("ANVA", AccessKeyKind.Unknown, "managed policy version id, not an access key"),
        new("AIPA", AccessKeyKind.Unknown, "EC2 instance profile id, not an access key"),
        new("APKA", AccessKeyKind.Unknown, "public key id (CloudFront key pair, SSH public key), not an access key"),
        new("ASCA", AccessKeyKind.Unknown, "certificate id, not an access key"),
    ];

    /// <summary>The entry for <paramref name="id"/>'s prefix, or null when AWS documents none.</summary>
    public static AccessKeyIdPrefix? Of(string? id) =>
        id is { Length: >= 4 } ? Table.FirstOrDefault(p => id.StartsWith(p.Prefix, StringComparison.Ordinal)) : null;
}
