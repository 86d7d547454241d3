using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws.Iam;

/// <summary>
/// The IAM calls of the key-owner lookup and of containment, over the Query protocol (form POST, XML answers):
/// ListUsers, ListAccessKeys, GetAccessKeyLastUsed, GetLoginProfile, ListMFADevices, ListAttachedUserPolicies,
/// ListUserPolicies, UpdateAccessKey, DeleteAccessKey, PutUserPolicy, PutRolePolicy, DeleteLoginProfile.
/// </summary>
public sealed class IamClient
{
    private readonly QueryProtocolClient _query;
    private readonly string _region;

    /// <summary>Creates a client; <paramref name="region"/> only selects the partition (IAM is global).</summary>
    public IamClient(AwsHttpSender sender, string region)
    {
        _query = new QueryProtocolClient(sender, AwsService.Iam, "2010-05-08");
        _region = region;
    }

    /// <summary>Every IAM user (all pages).</summary>
    public async Task<IReadOnlyList<IamUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<IamUser>();
        await foreach (var member in PagedMembersAsync("ListUsers", "Users", [], cancellationToken).ConfigureAwait(false))
        {
            users.Add(new IamUser(
                QueryXml.Text(member, "UserName") ?? "",
                QueryXml.Text(member, "UserId"),
                QueryXml.Text(member, "Arn"),
                QueryXml.Time(member, "CreateDate"),
                QueryXml.Time(member, "PasswordLastUsed")));
        }

        return users;
    }

    /// <summary>The access keys of <paramref name="userName"/> (null: the caller's own).</summary>
    public async Task<IReadOnlyList<IamAccessKey>> ListAccessKeysAsync(string? userName, CancellationToken cancellationToken)
    {
        var keys = new List<IamAccessKey>();
        await foreach (var member in PagedMembersAsync("ListAccessKeys", "AccessKeyMetadata", UserParameter(userName), cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new IamAccessKey(
                QueryXml.Text(member, "UserName") ?? userName ?? "",
                QueryXml.Text(member, "AccessKeyId") ?? "",
                QueryXml.Text(member, "Status") ?? "",
                QueryXml.Time(member, "CreateDate")));
        }

        return keys;
    }

    /// <summary>Who owns a key of this account and when it was last used.</summary>
    public async Task<AccessKeyLastUse> GetAccessKeyLastUsedAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var document = await _query.InvokeAsync(_region, "GetAccessKeyLastUsed", [new("AccessKeyId", accessKeyId)], cancellationToken).ConfigureAwait(false);
        var result = QueryXml.Result(document, "GetAccessKeyLastUsed");
        var used = QueryXml.Child(result, "AccessKeyLastUsed");
        return new AccessKeyLastUse(
            QueryXml.Text(result, "UserName"),
            QueryXml.Time(used, "LastUsedDate"),
            QueryXml.Text(used, "ServiceName"),
            QueryXml.Text(used, "Region"));
    }

    /// <summary>The user's console password, or null when it has none (NoSuchEntity).</summary>
    public async Task<LoginProfileInfo?> GetLoginProfileAsync(string userName, CancellationToken cancellationToken)
    {
        try
        {
            var document = await _query.InvokeAsync(_region, "GetLoginProfile", [new("UserName", userName)], cancellationToken).ConfigureAwait(false);
            var profile = QueryXml.Child(QueryXml.Result(document, "GetLoginProfile"), "LoginProfile");
            return new LoginProfileInfo(QueryXml.Time(profile, "CreateDate"), QueryXml.Flag(profile, "PasswordResetRequired"));
        }
        catch (AwsServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            return null;
        }
    }

    /// <summary>The user's MFA devices.</summary>
    public async Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(string userName, CancellationToken cancellationToken)
    {
        var devices = new List<MfaDevice>();
        await foreach (var member in PagedMembersAsync("ListMFADevices", "MFADevices", UserParameter(userName), cancellationToken).ConfigureAwait(false))
        {
            devices.Add(new MfaDevice(QueryXml.Text(member, "SerialNumber") ?? "", QueryXml.Time(member, "EnableDate")));
        }

        return devices;
    }

    /// <summary>The managed policies attached to the user.</summary>
    public async Task<IReadOnlyList<AttachedPolicy>> ListAttachedUserPoliciesAsync(string userName, CancellationToken cancellationToken)
    {
        var policies = new List<AttachedPolicy>();
        await foreach (var member in PagedMembersAsync("ListAttachedUserPolicies", "AttachedPolicies", UserParameter(userName), cancellationToken).ConfigureAwait(false))
        {
            policies.Add(new AttachedPolicy(QueryXml.Text(member, "PolicyName") ?? "", QueryXml.Text(member, "PolicyArn") ?? ""));
        }

        return policies;
    }

    /// <summary>The names of the user's inline policies.</summary>
    public async Task<IReadOnlyList<string>> ListUserPoliciesAsync(string userName, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var member in PagedMembersAsync("ListUserPolicies", "PolicyNames", UserParameter(userName), cancellationToken).ConfigureAwait(false))
        {
            names.Add(member.Value);
        }

        return names;
    }

    /// <summary>Runs a containment action (<c>UpdateAccessKey</c>, <c>PutUserPolicy</c> …) with its exact parameters.</summary>
    public Task ExecuteAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        _query.InvokeAsync(_region, action, parameters, cancellationToken);

    private static List<KeyValuePair<string, string>> UserParameter(string? userName) =>
        userName is null ? [] : [new("UserName", userName)];

    private async IAsyncEnumerable<System.Xml.Linq.XElement> PagedMembersAsync(
        string action,
        string listName,
        List<KeyValuePair<string, string>> parameters,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        var guard = new PageTokenGuard("iam", action, _region);
        do
        {
            var page = new List<KeyValuePair<string, string>>(parameters);
            if (marker is not null)
            {
                page.Add(new("Marker", marker));
            }

            var document = await _query.InvokeAsync(_region, action, page, cancellationToken).ConfigureAwait(false);
            var result = QueryXml.Result(document, action);
            foreach (var member in QueryXml.Members(result, listName))
            {
                yield return member;
            }

            marker = guard.Next(QueryXml.Flag(result, "IsTruncated") ? QueryXml.Text(result, "Marker") : null);
        }
        while (marker is not null);
    }
}
