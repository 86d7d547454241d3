namespace NotebookHelpers.Events;

/// <summary>
/// <c>userIdentity.sessionContext.sessionIssuer</c>: the role (or user, for federation tokens) whose temporary
/// credentials made the call. Null parts were absent from the record.
/// </summary>
/// <param name="Type">Usually <c>Role</c>; <c>IAMUser</c> or <c>Root</c> for GetFederationToken/GetSessionToken sessions.</param>
/// <param name="PrincipalId">The issuer's unique id, e.g. <c>AROA...</c>.</param>
/// <param name="Arn">The issuer's ARN.</param>
/// <param name="AccountId">The account that owns the issuer.</param>
/// <param name="UserName">The issuer's friendly name (the role name for roles).</param>
public sealed record SessionIssuer(
    string? Type = null,
    string? PrincipalId = null,
    string? Arn = null,
    string? AccountId = null,
    string? UserName = null);
