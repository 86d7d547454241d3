namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// A <c>[services NAME]</c> section of the shared config file: per-service settings that profiles share through
/// <c>services = NAME</c>. Only the nested <c>endpoint_url</c> of each service is used here, e.g.
/// <code>
/// [services local-stack]
/// cloudtrail =
///   endpoint_url = http://localhost:4566
/// </code>
/// The file is read the way botocore reads it (<see cref="AwsConfigIni"/>), option names case-insensitive.
/// </summary>
public sealed class AwsServicesSection
{
    private readonly Dictionary<string, string> _endpointUrls;

    private AwsServicesSection(string name, string path, Dictionary<string, string> endpointUrls)
    {
        Name = name;
        Path = path;
        _endpointUrls = endpointUrls;
    }

    /// <summary>The section's name (what profiles reference with <c>services = NAME</c>).</summary>
    public string Name { get; }

    /// <summary>The config file the section was read from.</summary>
    public string Path { get; }

    /// <summary>The services that set an <c>endpoint_url</c>, by their config key (<c>s3</c>, <c>cloudwatch_logs</c> …).</summary>
    public IReadOnlyDictionary<string, string> EndpointUrls => _endpointUrls;

    /// <summary>The <c>endpoint_url</c> set for a service key, or null.</summary>
    public string? EndpointUrlOf(string serviceKey) => _endpointUrls.GetValueOrDefault(serviceKey);

    /// <summary>Reads section <paramref name="name"/> from the config file at <paramref name="path"/>.</summary>
    /// <exception cref="AwsConfigurationException">The file cannot be read or has no such section.</exception>
    public static AwsServicesSection Read(string path, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException($"The profile uses 'services = {name}', but {path} cannot be read: {e.Message}", e);
        }

        return Parse(lines, path, name.Trim())
            ?? throw new AwsConfigurationException(
                $"The profile uses 'services = {name}', but {path} has no [services {name}] section; add it or remove the setting.");
    }

    private static AwsServicesSection? Parse(string[] lines, string path, string name)
    {
        var entries = AwsConfigIni.Section(lines, header => AwsConfigIni.IsNamed(header, "services", name));
        if (entries is null)
        {
            return null;
        }

        var urls = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? service = null;
        foreach (var entry in entries)
        {
            if (!entry.Indented)
            {
                // A top-level key opens a service's nested block when its value is empty.
                service = entry.Value.Length == 0 ? entry.Key : null;
            }
            else if (service is not null && entry.Key.Equals("endpoint_url", StringComparison.OrdinalIgnoreCase) && entry.Value.Length > 0)
            {
                urls[service] = entry.Value;
            }
        }

        return new AwsServicesSection(name, path, urls);
    }
}
