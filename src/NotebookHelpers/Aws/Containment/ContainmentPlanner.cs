namespace NotebookHelpers.Aws.Containment;

/// <summary>
/// Builds the containment steps the article and its labs use: deactivate the key (delete only when asked), quarantine
/// a user or role with a deny-all inline policy, revoke sessions issued before now, delete the console password.
/// </summary>
public static class ContainmentPlanner
{
    /// <summary>UpdateAccessKey … Inactive: reversible, and later use shows up as AccessDenied in CloudTrail.</summary>
    public static ContainmentAction DeactivateKey(string accessKeyId, string? userName) =>
        KeyAction("Deactivate access key " + accessKeyId, "UpdateAccessKey", "update-access-key", accessKeyId, userName, [new("Status", "Inactive")], false);

    /// <summary>DeleteAccessKey: irreversible; deactivate first and delete once nothing legitimate needs the key.</summary>
    public static ContainmentAction DeleteKey(string accessKeyId, string? userName) =>
        KeyAction("Delete access key " + accessKeyId, "DeleteAccessKey", "delete-access-key", accessKeyId, userName, [], true);

    /// <summary>PutUserPolicy with a deny-all inline policy.</summary>
    public static ContainmentAction DenyAllForUser(string userName) =>
        PolicyAction($"Attach deny-all inline policy to user {userName}", "PutUserPolicy", "put-user-policy", "UserName", "--user-name", userName, ContainmentPolicies.DenyAllName, ContainmentPolicies.DenyAll);

    /// <summary>PutRolePolicy with a deny-all inline policy.</summary>
    public static ContainmentAction DenyAllForRole(string roleName) =>
        PolicyAction($"Attach deny-all inline policy to role {roleName}", "PutRolePolicy", "put-role-policy", "RoleName", "--role-name", roleName, ContainmentPolicies.DenyAllName, ContainmentPolicies.DenyAll);

    /// <summary>PutRolePolicy with the aws:TokenIssueTime policy: sessions issued before <paramref name="issuedBefore"/> stop working.</summary>
    public static ContainmentAction RevokeRoleSessions(string roleName, DateTimeOffset issuedBefore) =>
        PolicyAction($"Revoke sessions of role {roleName} issued before {Events.UtcTime.Text(issuedBefore)}", "PutRolePolicy", "put-role-policy", "RoleName", "--role-name", roleName,
            ContainmentPolicies.RevokeOlderSessionsName, ContainmentPolicies.RevokeOlderSessions(issuedBefore));

    /// <summary>PutUserPolicy with the aws:TokenIssueTime policy: the user's temporary credentials issued before the time stop working.</summary>
    public static ContainmentAction RevokeUserSessions(string userName, DateTimeOffset issuedBefore) =>
        PolicyAction($"Revoke temporary credentials of user {userName} issued before {Events.UtcTime.Text(issuedBefore)}", "PutUserPolicy", "put-user-policy", "UserName", "--user-name", userName,
            ContainmentPolicies.RevokeOlderSessionsName, ContainmentPolicies.RevokeOlderSessions(issuedBefore));

    /// <summary>DeleteLoginProfile: removes the console password (irreversible; a new one can be set later).</summary>
    public static ContainmentAction DeleteLoginProfile(string userName) =>
        new($"Delete the console password of user {userName}", "DeleteLoginProfile", [new("UserName", userName)],
            $"aws iam delete-login-profile --user-name {ShellQuoting.Quote(userName)}", true);

    private static ContainmentAction KeyAction(
        string title, string operation, string cli, string accessKeyId, string? userName, List<KeyValuePair<string, string>> extra, bool irreversible)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (userName is not null)
        {
            parameters.Add(new("UserName", userName));
        }

        parameters.Add(new("AccessKeyId", accessKeyId));
        parameters.AddRange(extra);
        var command = $"aws iam {cli} --access-key-id {ShellQuoting.Quote(accessKeyId)}"
            + string.Concat(extra.Select(p => $" --{p.Key.ToLowerInvariant()} {ShellQuoting.Quote(p.Value)}"))
            + (userName is null ? "" : $" --user-name {ShellQuoting.Quote(userName)}");
        return new ContainmentAction(title, operation, parameters, command, irreversible);
    }

    private static ContainmentAction PolicyAction(
        string title, string operation, string cli, string principalParameter, string principalOption, string principal, string policyName, string document) =>
        new(title, operation,
            [new(principalParameter, principal), new("PolicyName", policyName), new("PolicyDocument", document)],
            $"aws iam {cli} {principalOption} {ShellQuoting.Quote(principal)} --policy-name {policyName} --policy-document {ShellQuoting.Quote(document)}",
            false);
}
