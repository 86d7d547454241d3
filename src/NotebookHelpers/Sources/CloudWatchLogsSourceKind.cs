using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sources;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>cwl:[REGION:]GROUP[,GROUP…]</c> for <c>nbh query --logs</c> and notebooks: runs the query on CloudWatch Logs
/// Insights with the credentials and region the AWS CLI would use (<c>AWS_PROFILE</c>, <c>AWS_REGION</c> …).
/// </summary>
public sealed class CloudWatchLogsSourceKind : IQuerySourceKind
{
    private readonly AwsSessionSettings? _settings;
    private readonly CloudWatchLogsQueryOptions? _options;

    /// <summary>Creates the kind; <paramref name="settings"/> choose the profile and region (default: the CLI's precedence).</summary>
    public CloudWatchLogsSourceKind(AwsSessionSettings? settings = null, CloudWatchLogsQueryOptions? options = null)
    {
        _settings = settings;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "CloudWatch Logs";

    /// <inheritdoc />
    public bool Accepts(string source) => CloudWatchLogsSourceName.IsMatch(source);

    /// <inheritdoc />
    public IInsightsQueryRunner CreateRunner(IReadOnlyList<string> sources)
    {
        var name = CloudWatchLogsSourceName.Parse(sources);
        AwsSession session;
        try
        {
            session = AwsSession.Open(new AwsSessionSettings
            {
                Profile = _settings?.Profile,
                Region = name.Region ?? _settings?.Region,
                Environment = _settings?.Environment,
                Credentials = _settings?.Credentials,
                ClientOptions = _settings?.ClientOptions ?? new(),
            });
        }
        catch (AwsConfigurationException e)
        {
            throw new ArgumentException(e.Message, nameof(sources), e);
        }

        // The session lives as long as the runner: one HttpClient for the process, as HttpClient is meant to be used.
        return new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), session.Region, name.LogGroups, _options);
    }
}
