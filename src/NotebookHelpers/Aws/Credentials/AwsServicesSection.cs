namespace NotebookHelpers.Aws.Credentials;

/// <summary>
/// A <c>[services NAME]</c> section of the shared config file: per-service settings that profiles share through
/// <c>services = NAME</c>. Only the nested <c>endpoint_url</c> of each service is used here, e.g.
/// <code>
/// [services local-stack]
/// cloudtrail =
///   endpoint_url = http://localhost:4566
/// </code>
/// The file is read the way botocore reads it: INI sections, <c>key = value</c>, comment lines starting with <c>#</c>
/// or <c>;</c>, option names case-insensitive, and indented lines under an empty value forming a nested block.
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
        Dictionary<string, string>? urls = null;
        string? service = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                if (urls is not null)
                {
                    break;
                }

                urls = IsSection(line[1..^1], name) ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) : null;
                service = null;
                continue;
            }

            if (urls is null)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            if (!indented)
            {
                // A top-level key opens a service's nested block when its value is empty.
                service = value.Length == 0 ? key : null;
            }
            else if (service is not null && key.Equals("endpoint_url", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                urls[service] = value;
            }
        }

        return urls is null ? null : new AwsServicesSection(name, path, urls);
    }

    private static bool IsSection(string header, string name)
    {
        var trimmed = header.Trim();
        const string Prefix = "services";
        return trimmed.Length > Prefix.Length
            && trimmed.StartsWith(Prefix, StringComparison.Ordinal)
            && char.IsWhiteSpace(trimmed[Prefix.Length])
            && trimmed[Prefix.Length..].Trim() == name;
    }
}
