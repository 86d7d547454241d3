using System.Globalization;
using System.Runtime.CompilerServices;
using NotebookHelpers.Aws;
using NotebookHelpers.Aws.Logs;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Sources;

/// <summary>
/// <c>cwl:[REGION:]GROUP[,GROUP…]</c>: a trail's CloudWatch Logs group(s), queried live with Logs Insights; its events
/// come from a query returning <c>@message</c> (the CloudTrail JSON), split automatically over the row limit.
/// </summary>
public sealed class CloudWatchLogsEvidenceSource : IEvidenceSource
{
    /// <summary>The query that returns every event's record, oldest first.</summary>
    public const string EventsQuery = "fields @timestamp, @message | sort @timestamp asc";

    private readonly CloudWatchLogsSourceName _name;
    private readonly EvidenceSourceOptions _options;
    private CloudWatchLogsQueryRunner? _runner;

    /// <summary>Creates the source.</summary>
    public CloudWatchLogsEvidenceSource(string parameter, EvidenceSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Parameter = parameter;
        _name = CloudWatchLogsSourceName.Parse([parameter]);
        _options = options;
    }

    /// <inheritdoc />
    public string Parameter { get; }

    /// <inheritdoc />
    public string Description => _name.ToString();

    /// <inheritdoc />
    public Task<IInsightsQueryRunner> OpenQueryRunnerAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IInsightsQueryRunner>(Runner());

    /// <inheritdoc />
    public async IAsyncEnumerable<CloudTrailEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var results = await Runner().RunAsync(EventsQuery, _options.Range, null, cancellationToken).ConfigureAwait(false);
        foreach (var warning in results.Warnings)
        {
            _options.Progress?.Report($"{Description}: {warning}");
        }

        var skipped = 0;
        for (var i = 0; i < results.Rows.Count; i++)
        {
            var message = results.Rows[i].FirstOrDefault(f => f.Field == "@message")?.Value;
            var location = new EvidenceLocation(Description, Entry: null, Line: i + 1);
            CloudTrailEvent? parsed = null;
            if (message is not null)
            {
                try
                {
                    parsed = CloudTrailEvent.Parse(message, location);
                }
                catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidDataException)
                {
                    _options.Progress?.Report($"{location}: @message is not a CloudTrail event ({e.Message}); skipped");
                }
            }

            if (parsed is null)
            {
                skipped++;
                continue;
            }

            yield return parsed;
        }

        if (skipped > 0)
        {
            _options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{Description}: {skipped} of {results.Rows.Count} rows were not CloudTrail events and were skipped."));
        }
    }

    private CloudWatchLogsQueryRunner Runner()
    {
        if (_runner is null)
        {
            var settings = _options.Aws ?? new AwsSessionSettings();
            var session = AwsSession.Open(new AwsSessionSettings
            {
                Profile = settings.Profile,
                Region = _name.Region ?? settings.Region,
                Environment = settings.Environment,
                Credentials = settings.Credentials,
                ClientOptions = settings.ClientOptions,
            });
            _runner = new CloudWatchLogsQueryRunner(new CloudWatchLogsClient(session.Sender), session.Region, _name.LogGroups, _options.LogsQuery);
        }

        return _runner;
    }
}
