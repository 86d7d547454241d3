using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace NotebookHelpers.Aws.Ec2;

/// <summary>The regions enabled for the account (ec2:DescribeRegions), which is where a leaked key can act.</summary>
public static class Ec2RegionLister
{
    /// <summary>The enabled regions, sorted by name.</summary>
    public static async Task<IReadOnlyList<string>> ListEnabledRegionsAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        try
        {
            var response = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = false }, cancellationToken).ConfigureAwait(false);
            return [.. (response.Regions ?? []).Select(r => r.RegionName).Where(n => !string.IsNullOrEmpty(n)).Order(StringComparer.Ordinal)];
        }
        catch (AmazonServiceException e)
        {
            throw AwsErrorAdvice.FromSdk(e, "ec2:DescribeRegions", ec2.Config.RegionEndpoint?.SystemName ?? ec2.Config.AuthenticationRegion);
        }
        catch (HttpRequestException e)
        {
            throw AwsErrorAdvice.FromNetwork(e, "ec2:DescribeRegions", ec2.Config.RegionEndpoint?.SystemName ?? ec2.Config.AuthenticationRegion);
        }
    }
}
