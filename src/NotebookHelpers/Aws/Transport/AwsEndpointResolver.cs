using System.Globalization;
using NotebookHelpers.Aws.Credentials;

namespace NotebookHelpers.Aws.Transport;

/// <summary>
/// Chooses the endpoint of a service in a region the way the AWS SDKs and CLI do: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>,
/// then <c>AWS_ENDPOINT_URL</c>, then the service's <c>endpoint_url</c> in the profile's <c>[services NAME]</c>
/// section, then the profile's own <c>endpoint_url</c>, then the public AWS endpoint; all configured URLs are ignored
/// when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> or the profile sets <c>ignore_configured_endpoint_urls</c>.
/// </summary>
public sealed class AwsEndpointResolver
{
    private readonly AwsEnvironment _environment;
    private readonly string? _profileEndpointUrl;
    private readonly AwsServicesSection? _services;
    private readonly bool _profileIgnoresConfigured;

    /// <summary>Creates a resolver over an environment and the active profile's <c>endpoint_url</c>, if any.</summary>
    public AwsEndpointResolver(AwsEnvironment environment, string? profileEndpointUrl = null)
        : this(environment, profileEndpointUrl, services: null, profileIgnoresConfigured: false)
    {
    }

    /// <summary>
    /// Creates a resolver over an environment and the active profile's endpoint settings: its <c>endpoint_url</c>,
    /// the <c>[services NAME]</c> section it references, and its <c>ignore_configured_endpoint_urls</c>.
    /// </summary>
    public AwsEndpointResolver(AwsEnvironment environment, string? profileEndpointUrl, AwsServicesSection? services, bool profileIgnoresConfigured)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _profileEndpointUrl = string.IsNullOrWhiteSpace(profileEndpointUrl) ? null : profileEndpointUrl.Trim();
        _services = services;
        _profileIgnoresConfigured = profileIgnoresConfigured;
    }

    /// <summary>Resolves the endpoint of <paramref name="service"/> in <paramref name="region"/>.</summary>
    /// <exception cref="AwsConfigurationException">A configured endpoint URL is not an absolute http(s) URL.</exception>
    public AwsEndpoint Resolve(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var signingRegion = service.IsGlobal ? GlobalSigningRegion(region) : region;
        if (!_environment.IsTrue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") && !_profileIgnoresConfigured)
        {
            foreach (var suffix in service.EndpointVariableSuffixes)
            {
                var name = "AWS_ENDPOINT_URL_" + suffix;
                if (_environment.Get(name) is { } specific)
                {
                    return new AwsEndpoint(ParseConfigured(specific, name), signingRegion, true);
                }
            }

            if (_environment.Get("AWS_ENDPOINT_URL") is { } global)
            {
                return new AwsEndpoint(ParseConfigured(global, "AWS_ENDPOINT_URL"), signingRegion, true);
            }

            if (_services?.EndpointUrlOf(service.ProfileKey) is { } shared)
            {
                return new AwsEndpoint(ParseConfigured(shared, $"endpoint_url of {service.ProfileKey} in [services {_services.Name}] of {_services.Path}"), signingRegion, true);
            }

            if (_profileEndpointUrl is not null)
            {
                return new AwsEndpoint(ParseConfigured(_profileEndpointUrl, "the profile's endpoint_url"), signingRegion, true);
            }
        }

        return new AwsEndpoint(DefaultUrl(service, region), signingRegion, false);
    }

    private static Uri DefaultUrl(AwsService service, string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        if (service.IsGlobal)
        {
            var host = region switch
            {
                _ when region.StartsWith("cn-", StringComparison.Ordinal) => $"{service.EndpointPrefix}.cn-north-1.{suffix}",
                _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => $"{service.EndpointPrefix}.us-gov.{suffix}",
                _ => $"{service.EndpointPrefix}.{suffix}",
            };
            return new Uri("https://" + host + "/");
        }

        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{service.EndpointPrefix}.{region}.{suffix}/"));
    }

    // IAM is one endpoint per partition and is signed for that partition's first region.
    private static string GlobalSigningRegion(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "cn-north-1",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "us-gov-west-1",
        _ => "us-east-1",
    };

    private static Uri ParseConfigured(string value, string origin)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        }

        throw new AwsConfigurationException($"{origin} is '{value}', which is not an http(s) URL; fix or unset it.");
    }
}
