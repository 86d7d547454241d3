using System.IO.Compression;
using System.Text;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// The organization trail's CloudWatch Logs group exported to S3 (<c>CreateExportTask</c>):
/// <c>&lt;task-id&gt;/&lt;log-stream&gt;/000000.gz</c>, one line per event, <c>&lt;ISO timestamp&gt; &lt;json&gt;</c>.
/// An organization trail names its streams <c>&lt;org-id&gt;_&lt;account&gt;_CloudTrail_&lt;home region&gt;</c>
/// (the role policy for organization trails allows <c>log-stream:o-exampleorgid_*</c>). CloudTrail does not send
/// events over 256 KB to CloudWatch Logs; they are counted and left out.
/// </summary>
internal sealed class CloudWatchExportWriter : IRecordSink
{
    /// <summary>CloudWatch Logs' event size limit.</summary>
    public const int MaxEventBytes = 256 * 1024;

    private const long MaxObjectBytes = 64L * 1024 * 1024;

    private readonly string _taskRoot;
    private readonly CompressionLevel _level;
    private readonly Dictionary<string, StreamState> _streams = new(StringComparer.Ordinal);

    public CloudWatchExportWriter(string root, string taskId, CompressionLevel level)
    {
        _taskRoot = Path.Combine(root, taskId);
        _level = level;
        Directory.CreateDirectory(root);
        // CreateExportTask first writes this object to check it may write to the bucket.
        File.WriteAllText(Path.Combine(root, "aws-logs-write-test"), "Permission Check Successful");
    }

    public static string StreamName(string accountId) =>
        $"{Accounts.OrganizationId}_{accountId}_CloudTrail_{Accounts.TrailHomeRegion}";

    public long EventsWritten { get; private set; }

    public long EventsDropped { get; private set; }

    public int FilesWritten { get; private set; }

    public void Accept(SerializedEvent record)
    {
        if (record.Json.Length > MaxEventBytes)
        {
            EventsDropped++;
            return;
        }

        var stream = StreamName(record.Event.RecipientAccountId);
        if (!_streams.TryGetValue(stream, out var state))
        {
            _streams[stream] = state = new StreamState(stream);
        }

        if (state.Writer is null || state.Writer.Length >= MaxObjectBytes)
        {
            state.Writer?.Dispose();
            var path = Path.Combine(_taskRoot, stream, state.NextIndex.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".gz");
            state.NextIndex++;
            state.Writer = new DeterministicGzipWriter(path, _level);
            FilesWritten++;
        }

        Span<byte> stamp = stackalloc byte[32];
        var length = Encoding.ASCII.GetBytes(Timestamps.IsoMilliseconds(record.Event.Time) + " ", stamp);
        state.Writer.Write(stamp[..length]);
        state.Writer.Write(record.Json);
        state.Writer.Write("\n"u8);
        EventsWritten++;
    }

    public void Advance(DateTimeOffset streamTime)
    {
    }

    public void Complete()
    {
        foreach (var state in _streams.Values)
        {
            state.Writer?.Dispose();
        }
    }

    private sealed class StreamState(string name)
    {
        public string Name { get; } = name;

        public int NextIndex { get; set; }

        public DeterministicGzipWriter? Writer { get; set; }
    }
}
