using NotebookHelpers.Detections;

namespace NotebookHelpers.Investigation;

/// <summary>
/// One defender (or AWS) action that cut a key or principal off, recognised from the evidence.
/// </summary>
/// <param name="Kind">What was done.</param>
/// <param name="Time">When (the event time).</param>
/// <param name="AccessKeyId">The key acted on (key deactivation or deletion), else null.</param>
/// <param name="PrincipalType"><c>user</c>, <c>role</c> or <c>group</c> for policy-based containment; <c>user</c> for key actions.</param>
/// <param name="PrincipalName">The user, role or group name acted on.</param>
/// <param name="Actor">Who did it (display name of the caller).</param>
/// <param name="Evidence">The event.</param>
public sealed record ContainmentAction(
    ContainmentKind Kind,
    DateTimeOffset Time,
    string? AccessKeyId,
    string? PrincipalType,
    string? PrincipalName,
    string? Actor,
    EvidenceEvent Evidence)
{
    /// <summary>One line: what, on whom, by whom, when.</summary>
    public string Describe()
    {
        var target = AccessKeyId is not null ? $"key {AccessKeyId}" : $"{PrincipalType} '{PrincipalName}'";
        var what = Kind switch
        {
            ContainmentKind.KeyDeactivated => "deactivated",
            ContainmentKind.KeyDeleted => "deleted",
            ContainmentKind.DenyAllPolicy => "deny-all policy on",
            ContainmentKind.SessionsRevoked => "revoked sessions of",
            ContainmentKind.AwsQuarantine => "AWS quarantine policy on",
            _ => "console password deleted for",
        };
        return $"{what} {target} by {Actor ?? "unknown"} at {Events.UtcTime.Text(Time)}";
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
