using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// Finds credentials with the AWS CLI's precedence: an explicit <c>--profile</c>, then <c>AWS_ACCESS_KEY_ID</c> /
/// <c>AWS_SECRET_ACCESS_KEY</c> / <c>AWS_SESSION_TOKEN</c>, then <c>AWS_PROFILE</c>, then the <c>default</c> profile,
/// then the rest of the SDK chain (web identity, container, instance metadata). Profiles may hold static keys,
/// <c>role_arn</c> + <c>source_profile</c> (assumed through AWSSDK.SecurityToken), SSO (after <c>aws sso login</c>,
/// through AWSSDK.SSO/SSOOIDC) or <c>credential_process</c>, all resolved by the SDK.
/// </summary>
public static class AwsCredentialResolver
{
    /// <summary>Resolves the credentials for an explicit profile name (or null) in an environment.</summary>
    /// <exception cref="AwsConfigurationException">The profile does not exist or holds no usable credentials.</exception>
    public static AwsCredentialChoice Resolve(string? profileName, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var store = new CredentialProfileStoreChain(environment.Get("AWS_SHARED_CREDENTIALS_FILE"));
        // The SDK's reader would throw with the malformed line (often a secret) in its message: check the files first.
        var fileProblem = AwsSharedFileCheck.FindProblem(environment);
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            return FromProfile(store, profileName.Trim(), "--profile", fileProblem);
        }

        if (environment.Get("AWS_ACCESS_KEY_ID") is { } keyId)
        {
            var secret = environment.Get("AWS_SECRET_ACCESS_KEY")
                ?? throw new AwsConfigurationException("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both, or unset both to use a profile.");
            var token = environment.Get("AWS_SESSION_TOKEN");
            AWSCredentials credentials = token is null ? new BasicAWSCredentials(keyId, secret) : new SessionAWSCredentials(keyId, secret, token);
            var origin = $"environment variables (AWS_ACCESS_KEY_ID={AccessKeyDisplay.Mask(keyId)})";
            if (fileProblem is not null)
            {
                // The keys are complete without the files; only the profile's region and endpoints are lost.
                return new AwsCredentialChoice(credentials, origin, null)
                {
                    Warnings = [$"{fileProblem} Using the environment's credentials without any profile settings (region, endpoint_url)."],
                };
            }

            store.TryGetProfile(environment.Get("AWS_PROFILE") ?? "default", out var ambient);
            return new AwsCredentialChoice(credentials, origin, ambient);
        }

        if (fileProblem is not null)
        {
            throw new AwsConfigurationException(fileProblem);
        }

        if (environment.Get("AWS_PROFILE") is { } envProfile)
        {
            return FromProfile(store, envProfile, "AWS_PROFILE", null);
        }

        if (store.TryGetProfile("default", out var defaultProfile) && store.TryGetAWSCredentials("default", out var defaultCredentials))
        {
            return new AwsCredentialChoice(defaultCredentials, "profile 'default'", defaultProfile);
        }

        try
        {
            var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null!);
            return new AwsCredentialChoice(credentials, credentials.GetType().Name.Replace("AWSCredentials", "", StringComparison.Ordinal), defaultProfile);
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(
                "No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile NAME, " +
                "or run 'aws configure' / 'aws sso login' first.", e);
        }
    }

    private static AwsCredentialChoice FromProfile(CredentialProfileStoreChain store, string name, string origin, string? fileProblem)
    {
        if (fileProblem is not null)
        {
            throw new AwsConfigurationException(fileProblem);
        }

        if (!store.TryGetProfile(name, out var profile))
        {
            throw new AwsConfigurationException(
                $"Profile '{name}' (from {origin}) is not in ~/.aws/config or ~/.aws/credentials; run 'aws configure list-profiles' to see the names.");
        }

        try
        {
            if (store.TryGetAWSCredentials(name, out var credentials))
            {
                return new AwsCredentialChoice(credentials, $"profile '{name}'", profile);
            }
        }
        catch (Exception e) when (e is AmazonClientException or ProcessAWSCredentialException or InvalidDataException)
        {
            var hint = profile.Options.SsoSession is not null || profile.Options.SsoStartUrl is not null
                ? $" Run 'aws sso login --profile {name}' first."
                : "";
            throw new AwsConfigurationException($"Profile '{name}' cannot give credentials: {CredentialSourceRedaction.Describe(e)}{hint}", e);
        }

        var ssoHint = profile.Options.SsoSession is not null || profile.Options.SsoStartUrl is not null
            ? $"; it is an SSO profile: run 'aws sso login --profile {name}' first"
            : "";
        throw new AwsConfigurationException($"Profile '{name}' holds no usable credentials{ssoHint}.");
    }
}
