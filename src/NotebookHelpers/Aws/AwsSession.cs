using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using NotebookHelpers.Aws.Credentials;
using NotebookHelpers.Aws.Transport;

namespace NotebookHelpers.Aws;

/// <summary>
/// One analyst's access to one AWS account: credentials, home region and endpoints resolved once as the AWS CLI
/// would, and the clients built from them: small SigV4 clients for CloudWatch Logs, CloudTrail and IAM, and the
/// AWS SDK's clients for S3, EC2 and STS, all pointed at the same endpoints.
/// </summary>
public sealed class AwsSession : IDisposable
{
    private AwsSession(AwsCredentialChoice credentials, string region, AwsEndpointResolver endpoints, AwsClientOptions options)
    {
        CredentialChoice = credentials;
        Region = region;
        Endpoints = endpoints;
        Options = options;
        Sender = new AwsHttpSender(credentials.Credentials, endpoints, options);
    }

    /// <summary>The home region: where global calls and discovery start.</summary>
    public string Region { get; }

    /// <summary>Where the credentials came from, for messages (never the secret).</summary>
    public string CredentialOrigin => CredentialChoice.Origin;

    /// <summary>What the analyst should know about how the session was opened (e.g. a malformed config file passed over).</summary>
    public IReadOnlyList<string> Warnings => CredentialChoice.Warnings;

    /// <summary>The endpoint resolver (honours <c>AWS_ENDPOINT_URL*</c>).</summary>
    public AwsEndpointResolver Endpoints { get; }

    /// <summary>Retry, clock and HTTP settings.</summary>
    public AwsClientOptions Options { get; }

    /// <summary>The signing HTTP sender used by the JSON 1.1 and Query clients.</summary>
    public AwsHttpSender Sender { get; }

    internal AwsCredentialChoice CredentialChoice { get; }

    /// <summary>Opens a session: resolves credentials, region and endpoints.</summary>
    /// <exception cref="AwsConfigurationException">No credentials, an unknown profile, or no region.</exception>
    public static AwsSession Open(AwsSessionSettings? settings = null)
    {
        settings ??= new AwsSessionSettings();
        var environment = settings.Environment ?? AwsEnvironment.FromProcess();
        var choice = settings.Credentials is { } given
            ? new AwsCredentialChoice(given, "credentials given by the caller", null)
            : AwsCredentialResolver.Resolve(settings.Profile, environment);
        var region = AwsRegionResolver.Resolve(settings.Region, environment, choice.Profile);
        var configPath = AwsConfigFile.PathIn(environment);
        var services = choice.Profile?.Services is { Length: > 0 } sectionName
            ? AwsServicesSection.Read(configPath, sectionName)
            : null;
        var endpoints = new AwsEndpointResolver(environment, ProfileEndpointUrl(choice.Profile, configPath), services, choice.Profile?.IgnoreConfiguredEndpointUrls == true);
        return new AwsSession(choice, region, endpoints, settings.ClientOptions);
    }

    // AWSSDK.Core 4.1 leaves CredentialProfile.EndpointUrl null when the profile also names a services section, so
    // every service the section does not list went to AWS itself (and a test waited ~50 s on retries of
    // iam.amazonaws.com). The SDKs' order still applies; the file is only read for what the SDK dropped.
    private static string? ProfileEndpointUrl(Amazon.Runtime.CredentialManagement.CredentialProfile? profile, string configPath) =>
        profile is null ? null
        : profile.EndpointUrl ?? (profile.Services is { Length: > 0 } ? AwsConfigIni.ProfileSetting(configPath, profile.Name, "endpoint_url") : null);

    /// <summary>An S3 client for <paramref name="region"/> (path-style addressing on a custom endpoint).</summary>
    public IAmazonS3 CreateS3Client(string? region = null)
    {
        var config = Configure(new AmazonS3Config(), AwsService.S3, region ?? Region);
        if (Endpoints.Resolve(AwsService.S3, region ?? Region).IsCustom)
        {
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(CredentialChoice.Credentials, config);
    }

    /// <summary>An EC2 client for <paramref name="region"/>.</summary>
    public IAmazonEC2 CreateEc2Client(string? region = null) =>
        new AmazonEC2Client(CredentialChoice.Credentials, Configure(new AmazonEC2Config(), AwsService.Ec2, region ?? Region));

    /// <summary>An STS client for <paramref name="region"/>.</summary>
    public IAmazonSecurityTokenService CreateStsClient(string? region = null) =>
        new AmazonSecurityTokenServiceClient(
            CredentialChoice.Credentials, Configure(new AmazonSecurityTokenServiceConfig(), AwsService.Sts, region ?? Region));

    /// <inheritdoc />
    public void Dispose() => Sender.Dispose();

    private T Configure<T>(T config, AwsService service, string region)
        where T : ClientConfig
    {
        var endpoint = Endpoints.Resolve(service, region);
        if (endpoint.IsCustom)
        {
            // Our resolver already applied AWS_ENDPOINT_URL*: the SDK must not apply its own (and must sign for the region).
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        config.IgnoreConfiguredEndpointUrls = true;
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = Math.Max(0, Options.Retry.MaxAttempts - 1);
        config.Timeout = Options.RequestTimeout;
        return config;
    }
}
