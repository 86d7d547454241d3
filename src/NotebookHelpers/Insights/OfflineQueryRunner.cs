using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Execution;

namespace NotebookHelpers.Insights;

/// <summary>
/// Runs Logs Insights queries offline, exactly as CloudWatch Logs would return them, over evidence
/// files or in-memory records and CloudTrail events, on every core; memory is bounded by the
/// number of groups and the row limit, not by the input.
/// </summary>
public sealed class OfflineQueryRunner : IInsightsQueryRunner
{
    private readonly InsightsRecordSource _source;

    /// <summary>Creates a runner over <paramref name="source"/>.</summary>
    public OfflineQueryRunner(InsightsRecordSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public string Description => _source.Description;

    /// <summary>The source the runner reads.</summary>
    public InsightsRecordSource Source => _source;

    /// <summary>How many workers evaluate events at once (default: one per core).</summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The clock for <c>now()</c> (default: the system clock).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A runner over evidence files, folders and archives (any format <see cref="EvidenceReader"/> reads).</summary>
    public static OfflineQueryRunner FromPaths(IEnumerable<string> paths, EvidenceReaderOptions? options = null) =>
        new(InsightsRecordSource.FromPaths(paths, options));

    /// <summary>A runner over records in memory.</summary>
    public static OfflineQueryRunner FromRecords(IEnumerable<LogRecord> records, string description = "in-memory records") =>
        new(InsightsRecordSource.FromRecords(records, description));

    /// <summary>A runner over CloudTrail events in memory.</summary>
    public static OfflineQueryRunner FromEvents(IEnumerable<CloudTrailEvent> events, string description = "CloudTrail events")
    {
        ArgumentNullException.ThrowIfNull(events);
        return FromRecords(events.Select(e => e.Record), description);
    }

    /// <inheritdoc />
    public Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(InsightsQuery.Parse(query), range, progress, cancellationToken);

    /// <summary>Runs a parsed (and possibly parameter-bound) query.</summary>
    /// <exception cref="InsightsQueryException">The query is invalid or uses something the offline engine does not run.</exception>
    public Task<QueryResults> RunAsync(InsightsQuery query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = new QueryContext(Clock.GetUtcNow(), range);
        var plan = QueryCompiler.Compile(query.BoundSyntax(), context);
        return new QueryExecutor(plan, context).RunAsync(_source, DegreeOfParallelism, progress, cancellationToken);
    }

    /// <summary>Checks that <paramref name="query"/> parses and compiles for offline execution, without running it.</summary>
    /// <exception cref="InsightsQueryException">It does not.</exception>
    public static void Validate(InsightsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        QueryCompiler.Compile(query.BoundSyntax(), new QueryContext(DateTimeOffset.UnixEpoch, TimeRange.All));
    }
}
