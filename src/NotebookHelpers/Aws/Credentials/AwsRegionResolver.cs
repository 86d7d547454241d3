using Amazon.Runtime.CredentialManagement;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// Chooses the home region as the AWS CLI does: <c>--region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the
/// profile's <c>region</c>.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>Resolves the region.</summary>
    /// <exception cref="AwsConfigurationException">No region is configured anywhere.</exception>
    public static string Resolve(string? explicitRegion, AwsEnvironment environment, CredentialProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = Clean(explicitRegion)
            ?? environment.Get("AWS_REGION")
            ?? environment.Get("AWS_DEFAULT_REGION")
            ?? Clean(profile?.Region?.SystemName)
            ?? throw new AwsConfigurationException(
                "No AWS region: pass --region REGION, set AWS_REGION, or add 'region = ...' to your profile in ~/.aws/config.");
        if (!AwsRegionName.IsValid(region))
        {
            throw new AwsConfigurationException($"'{region}' is not a region name (expected e.g. us-east-1).");
        }

        return region;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
