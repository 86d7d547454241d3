using NotebookHelpers.Aws.Sts;

namespace NotebookHelpers.Aws.Iam;

/// <summary>Everything the key-owner lookup found about an exposed access key and its user.</summary>
/// <param name="AccessKeyId">The key investigated.</param>
/// <param name="KeyAccount">The account that owns it (sts:GetAccessKeyInfo), or null when unknown.</param>
/// <param name="Caller">Who ran the lookup.</param>
/// <param name="UserName">The IAM user that owns the key, or null.</param>
/// <param name="LastUse">When, where and for what the key was last used.</param>
/// <param name="Keys">Every access key of that user (a second key is a classic persistence trick).</param>
/// <param name="LoginProfile">The user's console password, or null when there is none or it is unknown.</param>
/// <param name="MfaDevices">The user's MFA devices.</param>
/// <param name="AttachedPolicies">Managed policies attached to the user.</param>
/// <param name="InlinePolicies">Inline policy names of the user.</param>
/// <param name="Notes">What could not be found or read, and what that means, one line each.</param>
public sealed record KeyOwnerReport(
    string AccessKeyId,
    string? KeyAccount,
    CallerIdentity Caller,
    string? UserName,
    AccessKeyLastUse? LastUse,
    IReadOnlyList<IamAccessKey> Keys,
    LoginProfileInfo? LoginProfile,
    IReadOnlyList<MfaDevice> MfaDevices,
    IReadOnlyList<AttachedPolicy> AttachedPolicies,
    IReadOnlyList<string> InlinePolicies,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every lookup succeeded.</summary>
    public bool IsComplete => Notes.Count == 0;
}
