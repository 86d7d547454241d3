using System.Buffers;
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
    private const int ChunkBytes = 1 << 20;

    private readonly Dictionary<string, StreamState> _streams = new(StringComparer.Ordinal);
    private readonly BackgroundWriter _writer;

    public CloudWatchExportWriter(string root, string taskId, CompressionLevel level, BackgroundWriter writer)
    {
        _writer = writer;
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

        // Whole lines go to the writer thread in chunks; the object boundaries are decided here, so they do not
        // depend on timing.
        if (state.ObjectLength >= MaxObjectBytes || state.NextIndex == 0)
        {
            FlushChunk(state);
            var path = Path.Combine(_taskRoot, stream, state.NextIndex.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".gz");
            state.NextIndex++;
            state.ObjectLength = 0;
            FilesWritten++;
            _writer.Enqueue(() =>
            {
                state.Writer?.Dispose();
                state.Writer = new DeterministicGzipWriter(path, _level);
            });
        }

        var stamp = Encoding.ASCII.GetBytes(Timestamps.IsoMilliseconds(record.Event.Time) + " ");
        state.Chunk.Write(stamp);
        state.Chunk.Write(record.Json);
        state.Chunk.Write("\n"u8);
        state.ObjectLength += stamp.Length + record.Json.Length + 1;
        if (state.Chunk.WrittenCount >= ChunkBytes)
        {
            FlushChunk(state);
        }

        EventsWritten++;
    }

    public void Advance(DateTimeOffset streamTime)
    {
    }

    public void Complete()
    {
        foreach (var state in _streams.Values)
        {
            FlushChunk(state);
            _writer.Enqueue(() => state.Writer?.Dispose());
        }
    }

    private void FlushChunk(StreamState state)
    {
        if (state.Chunk.WrittenCount == 0)
        {
            return;
        }

        var chunk = state.Chunk.WrittenSpan.ToArray();
        state.Chunk.ResetWrittenCount();
        _writer.Enqueue(() => state.Writer!.Write(chunk));
    }

    private sealed class StreamState(string name)
    {
        public string Name { get; } = name;

        public int NextIndex { get; set; }

        public long ObjectLength { get; set; }

        public ArrayBufferWriter<byte> Chunk { get; } = new(ChunkBytes + (64 * 1024));

        /// <summary>Touched only on the writer thread.</summary>
        public DeterministicGzipWriter? Writer { get; set; }
    }
}
