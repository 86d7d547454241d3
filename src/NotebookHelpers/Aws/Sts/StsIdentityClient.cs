using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace NotebookHelpers.Aws.Sts;

/// <summary>sts:GetCallerIdentity and sts:GetAccessKeyInfo through the AWS SDK's STS client.</summary>
public sealed class StsIdentityClient
{
    private readonly IAmazonSecurityTokenService _sts;
    private readonly string _region;

    /// <summary>Creates a client over an SDK STS client for <paramref name="region"/>.</summary>
    public StsIdentityClient(IAmazonSecurityTokenService sts, string region)
    {
        ArgumentNullException.ThrowIfNull(sts);
        _sts = sts;
        _region = region;
    }

    /// <summary>Who the current credentials are.</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await _sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (AmazonServiceException e)
        {
            throw AwsErrorAdvice.FromSdk(e, "sts:GetCallerIdentity", _region);
        }
        catch (HttpRequestException e)
        {
            throw AwsErrorAdvice.FromNetwork(e, "sts:GetCallerIdentity", _region);
        }
    }

    /// <summary>The account that owns an access key id (any key, any account; never fails for a well-formed id).</summary>
    public async Task<string> GetAccessKeyAccountAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = accessKeyId }, cancellationToken).ConfigureAwait(false);
            return response.Account;
        }
        catch (AmazonServiceException e)
        {
            throw AwsErrorAdvice.FromSdk(e, "sts:GetAccessKeyInfo", _region);
        }
        catch (HttpRequestException e)
        {
            throw AwsErrorAdvice.FromNetwork(e, "sts:GetAccessKeyInfo", _region);
        }
    }
}
