using System.Text;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Tests.Insights;

/// <summary>Builds in-memory events and runs queries over them.</summary>
internal static class InsightsFixture
{
    public static LogRecord Record(string json, int index = 0, LogEventContext? context = null) =>
        new(Encoding.UTF8.GetBytes(json), new EvidenceLocation("mem.json", ByteOffset: index * 1000), context);

    public static IReadOnlyList<LogRecord> Records(params string[] json) =>
        [.. json.Select((j, i) => Record(j, i))];

    public static QueryResults Run(string query, params string[] json) => Run(query, Records(json));

    public static QueryResults Run(string query, IEnumerable<LogRecord> records, TimeRange? range = null) =>
        new OfflineQueryRunner(InsightsRecordSource.FromRecords(records, "mem", chunkSize: 2))
        {
            Clock = new FixedClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }.RunAsync(query, range ?? TimeRange.All).GetAwaiter().GetResult();

    /// <summary>The values of one column, row by row (null where the row omits it).</summary>
    public static List<string?> Column(this QueryResults results, string name) =>
        [.. results.Rows.Select(r => r.FirstOrDefault(f => f.Field == name)?.Value)];

    /// <summary>Each row as "field=value" joined by "; ".</summary>
    public static List<string> Lines(this QueryResults results) =>
        [.. results.Rows.Select(r => string.Join("; ", r.Where(f => f.Field != "@ptr").Select(f => $"{f.Field}={f.Value}")))];

    public static string Event(string time, string name, string? extra = null) =>
        $"{{\"eventTime\":\"{time}\",\"eventName\":\"{name}\"{(extra is null ? "" : "," + extra)}}}";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
