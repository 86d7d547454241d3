using Amazon.S3;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;

namespace NotebookHelpers.Aws.Athena;

/// <summary>
/// Runs Logs Insights queries on Athena over a CloudTrail table (<c>nbh athena-table</c>): the query is rendered as
/// Trino SQL (<see cref="SqlRenderer"/>; what Trino cannot express is refused before any AWS call), bounded by the
/// partitions its range, accounts and regions select (<see cref="CloudTrailPartitionFilter"/>, only the table's own
/// partition columns), what it will scan is estimated from those partitions and a query past the bound refused; then
/// the rows and the statistics SELECTs run as two executions at once (<see cref="AthenaQueryExecutor"/>: polling,
/// paging, StopQueryExecution on cancellation, the evidence folder), and <see cref="SqlResultShaper"/> gives back the
/// offline engine's results with Athena's DataScannedInBytes (both executions) as <c>bytesScanned</c>.
/// </summary>
public sealed class AthenaInsightsQueryRunner : IInsightsQueryRunner
{
    private readonly AthenaClient _client;
    private readonly IAmazonS3? _s3;
    private readonly string _region;
    private readonly AthenaQueryOptions _options;
    private readonly EvidenceDirectory? _evidence;
    private AthenaTableMetadata? _table;

    /// <summary>Creates a runner over <c>DATABASE.TABLE</c> in <paramref name="region"/>.</summary>
    /// <param name="client">The Athena client.</param>
    /// <param name="s3">Lists the table's partitions to estimate the scan; null to skip the estimate.</param>
    /// <param name="region">The region the table and the queries are in.</param>
    /// <param name="database">The Glue database.</param>
    /// <param name="table">The CloudTrail table.</param>
    /// <param name="options">Workgroup, output location, scan bound and price (<see cref="AthenaQueryOptions.Database"/> is set to <paramref name="database"/>).</param>
    /// <param name="evidence">Where each execution's SQL, final state and result pages are kept; null for nowhere.</param>
    public AthenaInsightsQueryRunner(AthenaClient client, IAmazonS3? s3, string region, string database, string table, AthenaQueryOptions? options = null, EvidenceDirectory? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        _client = client;
        _s3 = s3;
        _region = region;
        Database = database;
        Table = table;
        _options = (options ?? new AthenaQueryOptions()) with { Database = database };
        _evidence = evidence;
        _ = SqlSource.AthenaTable(database + "." + table);
    }

    /// <summary>The Glue database.</summary>
    public string Database { get; }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>Accounts the partitions are limited to; empty for every projected one.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Regions the partitions are limited to; empty for every projected one.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Receives a line for the estimate, each execution's progress and its cost.</summary>
    public IProgress<string>? Log { get; init; }

    /// <summary>The clock an open-ended range ends at.</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>What the last run's executions (rows, statistics) scanned and cost; empty before a run.</summary>
    public IReadOnlyList<AthenaQueryOutcome> LastExecutions { get; private set; } = [];

    /// <summary>The last run's scan estimate, or null before a run.</summary>
    public AthenaScanEstimate? LastEstimate { get; private set; }

    /// <inheritdoc />
    public string Description => $"Athena table {Database}.{Table}";

    /// <inheritdoc />
    public Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(InsightsQuery.Parse(query), range, progress, cancellationToken);

    /// <summary>Runs a parsed (and possibly parameter-bound) query.</summary>
    /// <exception cref="InsightsQueryException">The query is invalid.</exception>
    /// <exception cref="SqlNotSupportedException">Trino cannot express part of it (no AWS call was made).</exception>
    /// <exception cref="ArgumentException">The range has no start, or an account or region is not one (no AWS call was made).</exception>
    /// <exception cref="AthenaScanLimitException">It would scan, or scanned, more than the bound.</exception>
    /// <exception cref="AthenaQueryException">An execution failed or was cancelled by someone else.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; every running execution was stopped.</exception>
    public async Task<QueryResults> RunAsync(InsightsQuery query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var relation = Database + "." + Table;
        SqlRenderer.Render(query, SqlDialect.Trino, SqlSource.AthenaTable(relation), range);
        var filter = CloudTrailPartitionFilter.For(range, Accounts, Regions, Now());
        LastExecutions = [];
        LastEstimate = null;

        _table ??= await _client.GetTableMetadataAsync(_region, _options.Catalog, Database, Table, cancellationToken).ConfigureAwait(false);
        var sql = SqlRenderer.Render(query, SqlDialect.Trino, SqlSource.AthenaTable(relation, filter.ToSql(_table.PartitionKeys)), range);
        var estimate = _s3 is null
            ? AthenaScanEstimate.Unknown("no S3 client to list the partitions")
            : await new AthenaScanEstimator(_s3).EstimateAsync(_table, filter, cancellationToken).ConfigureAwait(false);
        LastEstimate = estimate;
        Log?.Report($"{Description}: partitions {filter}; the rows and the statistics queries will each scan {estimate}");
        estimate.EnsureWithin(_options.MaxScanBytes, Description, "--start/--end, --accounts or --regions");

        var executor = new AthenaQueryExecutor(_client, _region, _options, _evidence);
        var (rows, statistics) = await BothAsync(executor, sql.Text, sql.StatisticsText, cancellationToken).ConfigureAwait(false);
        LastExecutions = [rows, statistics];
        var scanned = rows.Execution.DataScannedInBytes + statistics.Execution.DataScannedInBytes;
        var shapedStatistics = SqlResultShaper.Statistics(Row(statistics.Columns, statistics.Rows.FirstOrDefault() ?? []), scanned);
        var results = SqlResultShaper.Shape(sql, rows.Rows.Select(r => Row(rows.Columns, r)), shapedStatistics, [.. rows.Warnings, .. statistics.Warnings]);
        progress?.Report(new QueryProgress(QueryStatus.Complete, shapedStatistics));
        return results;
    }

    // The two executions run at once (the wait is Athena's queue, not this machine); when one fails the other is
    // stopped, and the failure, not the stop it caused, is what the caller sees.
    private async Task<(AthenaQueryOutcome Rows, AthenaQueryOutcome Statistics)> BothAsync(
        AthenaQueryExecutor executor, string rowsSql, string statisticsSql, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = RunOneAsync(rowsSql);
        var statistics = RunOneAsync(statisticsSql);
        await Task.WhenAll(rows, statistics).ConfigureAwait(false);
        return (await rows.ConfigureAwait(false), await statistics.ConfigureAwait(false));

        async Task<AthenaQueryOutcome> RunOneAsync(string text)
        {
            try
            {
                return await executor.ExecuteAsync(text, Log, both.Token).ConfigureAwait(false);
            }
            catch
            {
                await both.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<AthenaColumn> columns, IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count && i < cells.Count; i++)
        {
            row[columns[i].Name] = cells[i];
        }

        return row;
    }
}
