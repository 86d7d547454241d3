using NotebookHelpers.Aws.Sts;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Iam;

/// <summary>
/// Finds who owns an access key: the account (sts:GetAccessKeyInfo, works for any key), then, in the caller's own
/// account, the user (iam:GetAccessKeyLastUsed, or a ListUsers/ListAccessKeys scan when that is denied), and that
/// user's keys, password, MFA and policies. Every call that fails becomes a note; what was found is kept.
/// </summary>
public sealed class KeyOwnerLookup
{
    private readonly StsIdentityClient _sts;
    private readonly IamClient _iam;

    /// <summary>Creates the lookup.</summary>
    public KeyOwnerLookup(StsIdentityClient sts, IamClient iam)
    {
        ArgumentNullException.ThrowIfNull(sts);
        ArgumentNullException.ThrowIfNull(iam);
        _sts = sts;
        _iam = iam;
    }

    /// <summary>Looks up <paramref name="accessKeyId"/>.</summary>
    /// <exception cref="AwsServiceException">GetCallerIdentity failed: the credentials themselves do not work.</exception>
    public async Task<KeyOwnerReport> FindAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        var notes = new List<string>();
        var caller = await _sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        var keyAccount = await Try<string>(async () => await _sts.GetAccessKeyAccountAsync(accessKeyId, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false);
        var empty = new KeyOwnerReport(accessKeyId, keyAccount, caller, null, null, [], null, [], [], [], notes);
        if (keyAccount is not null && keyAccount != caller.Account)
        {
            notes.Add($"The key belongs to account {keyAccount}, not {caller.Account} (yours): look it up with credentials of {keyAccount}.");
            return empty;
        }

        if (accessKeyId.StartsWith("ASIA", StringComparison.Ordinal))
        {
            notes.Add("ASIA… is a temporary key (STS): it belongs to a role session or a federated user, not an IAM user; find the session with 'nbh lookup --access-key-id' and contain the role (deny-all or revoke-sessions).");
            return empty;
        }

        var lastUse = await Try(async () => await _iam.GetAccessKeyLastUsedAsync(accessKeyId, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false);
        var userName = lastUse?.UserName;
        if (userName is null)
        {
            userName = await FindByScanAsync(accessKeyId, notes, cancellationToken).ConfigureAwait(false);
        }

        if (userName is null)
        {
            notes.Add("No IAM user owns this key: if the account matches, it is probably a root user key; sign in as root to delete it (the article: root keys should not exist).");
            return empty with { LastUse = lastUse };
        }

        var keys = await Try(async () => await _iam.ListAccessKeysAsync(userName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false) ?? [];
        var loginProfile = await Try(async () => await _iam.GetLoginProfileAsync(userName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false);
        var mfa = await Try(async () => await _iam.ListMfaDevicesAsync(userName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false) ?? [];
        var attached = await Try(async () => await _iam.ListAttachedUserPoliciesAsync(userName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false) ?? [];
        var inline = await Try(async () => await _iam.ListUserPoliciesAsync(userName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false) ?? [];
        return new KeyOwnerReport(accessKeyId, keyAccount, caller, userName, lastUse, keys, loginProfile, mfa, attached, inline, notes);
    }

    private async Task<string?> FindByScanAsync(string accessKeyId, List<string> notes, CancellationToken cancellationToken)
    {
        var users = await Try(async () => await _iam.ListUsersAsync(cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false);
        foreach (var user in users ?? [])
        {
            var keys = await Try(async () => await _iam.ListAccessKeysAsync(user.UserName, cancellationToken).ConfigureAwait(false), notes).ConfigureAwait(false);
            if (keys?.Any(k => k.AccessKeyId == accessKeyId) == true)
            {
                return user.UserName;
            }
        }

        return null;
    }

    private static async Task<T?> Try<T>(Func<Task<T?>> call, List<string> notes)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            notes.Add(AwsErrorAdvice.Describe(e));
            return null;
        }
    }
}
