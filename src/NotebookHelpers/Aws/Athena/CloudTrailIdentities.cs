namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// The identities whose events an investigation needs from a trail: access keys and session ids (their calls, and the
/// events naming them), IAM user names (their console sign-ins and console sessions) and role names (the AssumeRole
/// calls that name them).
/// </summary>
/// <param name="AccessKeyIds">Access key and session ids.</param>
/// <param name="UserNames">IAM user names.</param>
/// <param name="RoleNames">IAM role names.</param>
public sealed record CloudTrailIdentities(IReadOnlyList<string> AccessKeyIds, IReadOnlyList<string> UserNames, IReadOnlyList<string> RoleNames)
{
    /// <summary>True when there is nothing to look up.</summary>
    public bool IsEmpty => AccessKeyIds.Count == 0 && UserNames.Count == 0 && RoleNames.Count == 0;

    /// <summary>These identities less those in <paramref name="known"/>.</summary>
    public CloudTrailIdentities Except(CloudTrailIdentities known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new(
            [.. AccessKeyIds.Except(known.AccessKeyIds, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. UserNames.Except(known.UserNames, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. RoleNames.Except(known.RoleNames, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Both sets together.</summary>
    public CloudTrailIdentities Union(CloudTrailIdentities other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            [.. AccessKeyIds.Union(other.AccessKeyIds, StringComparer.Ordinal)],
            [.. UserNames.Union(other.UserNames, StringComparer.Ordinal)],
            [.. RoleNames.Union(other.RoleNames, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join("; ", new[]
        {
            AccessKeyIds.Count > 0 ? "keys " + string.Join(", ", AccessKeyIds) : null,
            UserNames.Count > 0 ? "users " + string.Join(", ", UserNames) : null,
            RoleNames.Count > 0 ? "roles " + string.Join(", ", RoleNames) : null,
        }.OfType<string>());
}
