using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Iam;
using NotebookHelpers.Aws.Sts;

namespace NotebookHelpers.Response;

/// <summary>
/// Asks the live account about a key (sts:GetAccessKeyInfo, then IAM in your own account: last use, the user's keys,
/// console password, MFA and policies), only when told to: notebooks call it with their <c>Live</c> parameter, false by
/// default, so a run on recorded evidence sends nothing to AWS.
/// </summary>
public static class LiveCredentialLookup
{
    /// <summary>The live report of <paramref name="accessKeyId"/>, or null when <paramref name="live"/> is false.</summary>
    /// <exception cref="Aws.Transport.AwsServiceException">GetCallerIdentity failed: the credentials themselves do not work.</exception>
    public static async Task<KeyOwnerReport?> FindAsync(string accessKeyId, bool live, AwsSessionSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        accessKeyId = Sources.AccessKeyIdParameter.Check(accessKeyId);
        if (!live)
        {
            return null;
        }

        using var session = AwsSession.Open(settings);
        return await FindAsync(session, accessKeyId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The live report of <paramref name="accessKeyId"/> through <paramref name="session"/>.</summary>
    public static async Task<KeyOwnerReport> FindAsync(AwsSession session, string accessKeyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var sts = session.CreateStsClient();
        return await new KeyOwnerLookup(new StsIdentityClient(sts, session.Region), new IamClient(session.Sender, session.Region))
            .FindAsync(accessKeyId, cancellationToken).ConfigureAwait(false);
    }
}
