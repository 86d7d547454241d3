namespace NotebookHelpers.Events;

/// <summary>
/// <c>userIdentity</c>: who made the call. Every part is optional because AWS omits fields per identity type
/// (an <c>AWSService</c> identity has only <c>type</c> and <c>invokedBy</c>).
/// </summary>
/// <param name="Type"><c>Root</c>, <c>IAMUser</c>, <c>AssumedRole</c>, <c>FederatedUser</c>, <c>AWSService</c>, <c>AWSAccount</c>, <c>IdentityCenterUser</c>, ...</param>
/// <param name="PrincipalId">The principal's unique id (<c>AIDA...</c>, <c>AROA...:session</c>, the account id for root).</param>
/// <param name="Arn">The principal's ARN.</param>
/// <param name="AccountId">The account that owns the principal.</param>
/// <param name="AccessKeyId">The access key that signed the request (<c>AKIA...</c> long-term, <c>ASIA...</c> temporary).</param>
/// <param name="UserName">The user name (IAM users, root's alias, console users).</param>
/// <param name="InvokedBy">The AWS service that made the call on the principal's behalf, e.g. <c>ec2.amazonaws.com</c>.</param>
/// <param name="SessionContext">Temporary-credential context, when present.</param>
public sealed record UserIdentity(
    string? Type = null,
    string? PrincipalId = null,
    string? Arn = null,
    string? AccountId = null,
    string? AccessKeyId = null,
    string? UserName = null,
    string? InvokedBy = null,
    SessionContext? SessionContext = null)
{
    /// <summary>
    /// A short human name for the principal: the user name, <c>role/session</c> for assumed roles, <c>root</c>,
    /// the invoking service, or the ARN when nothing shorter is known. Null when the record names no principal.
    /// </summary>
    public string? DisplayName
    {
        get
        {
            if (Type == "Root")
            {
                return "root";
            }

            if (Type == "AssumedRole" && Arn is { } arn)
            {
                // arn:aws:sts::123456789012:assumed-role/RoleName/SessionName -> RoleName/SessionName
                var marker = arn.IndexOf(":assumed-role/", StringComparison.Ordinal);
                if (marker >= 0)
                {
                    return arn[(marker + ":assumed-role/".Length)..];
                }
            }

            return UserName ?? SessionContext?.SessionIssuer?.UserName ?? InvokedBy ?? Arn ?? PrincipalId ?? Type;
        }
    }
}
