namespace NotebookHelpers.Investigation;

/// <summary>Whose key it is, as the events' <c>userIdentity</c> says.</summary>
/// <param name="Type"><c>IAMUser</c>, <c>Root</c>, <c>AssumedRole</c>, <c>FederatedUser</c>…</param>
/// <param name="Name">Short name: the user name, <c>root</c>, or <c>role/session</c>.</param>
/// <param name="Arn">The principal's ARN.</param>
/// <param name="AccountId">The account.</param>
/// <param name="UserName">The IAM user name (IAM users and federation tokens), else null.</param>
/// <param name="RoleName">The role that issued the session (ASIA keys of assumed roles), else null.</param>
public sealed record KeyOwner(string? Type, string? Name, string? Arn, string? AccountId, string? UserName, string? RoleName)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name ?? Arn ?? "unknown"} ({Type ?? "unknown type"}, account {AccountId ?? "unknown"})";
}
