namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>Sets process environment variables for the length of a test and restores them afterwards.</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    /// <summary>Sets each variable (null unsets it).</summary>
    public EnvironmentScope(IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// The AWS CLI's view of a fake account: every endpoint on <paramref name="server"/>, env credentials, a region,
    /// no config files, no instance metadata.
    /// </summary>
    public static EnvironmentScope ForServer(FakeAwsServer server, string? sessionToken = null, string? region = "us-east-1") => new(new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = server.Url.ToString(),
        ["AWS_ACCESS_KEY_ID"] = TestAws.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = TestAws.SecretKey,
        ["AWS_SESSION_TOKEN"] = sessionToken,
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_PROFILE"] = null,
        // The SDK reads the config file next to the credentials file it is given. AWS_CONFIG_FILE stays unset: once a
        // test in this process had set it, later changes of it were not followed (profiles were not found).
        ["AWS_CONFIG_FILE"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "nbh-no-aws-profiles", "credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    });

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
