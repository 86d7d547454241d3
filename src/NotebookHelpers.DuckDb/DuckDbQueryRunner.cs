using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;

namespace NotebookHelpers.DuckDb;

/// <summary>
/// Runs Logs Insights queries in embedded DuckDB: the query is rendered once as DuckDB SQL
/// (<see cref="SqlRenderer"/>, refused by name before anything is read when SQL cannot express it), the evidence is
/// staged into an in-memory table one row per record (<see cref="StagedEventColumns"/>: the same reader, duplicate
/// removal and event time as the offline engine), DuckDB runs the SQL, and <see cref="SqlResultShaper"/> gives back
/// the offline engine's results. The staged table is kept for the runner's later queries over the same range.
/// </summary>
public sealed class DuckDbQueryRunner : IInsightsQueryRunner, IDisposable
{
    private readonly InsightsRecordSource _source;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DuckDBConnection? _connection;
    private TimeRange? _stagedRange;
    private List<string> _stagingWarnings = [];

    /// <summary>Creates a runner over <paramref name="source"/>.</summary>
    public DuckDbQueryRunner(InsightsRecordSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public string Description => _source.Description + " (DuckDB)";

    /// <summary>The entry point <c>nbh</c> calls when it loads this assembly (it does not reference it).</summary>
    public static IInsightsQueryRunner Create(InsightsRecordSource source) => new DuckDbQueryRunner(source);

    /// <summary>A runner over evidence files, folders and archives.</summary>
    public static DuckDbQueryRunner FromPaths(IEnumerable<string> paths, EvidenceReaderOptions? options = null) =>
        new(InsightsRecordSource.FromPaths(paths, options));

    /// <inheritdoc />
    public Task<QueryResults> RunAsync(string query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(InsightsQuery.Parse(query), range, progress, cancellationToken);

    /// <summary>Runs a parsed (and possibly parameter-bound) query.</summary>
    /// <exception cref="InsightsQueryException">The query is invalid.</exception>
    /// <exception cref="SqlNotSupportedException">DuckDB SQL cannot express part of it (nothing was read).</exception>
    public async Task<QueryResults> RunAsync(InsightsQuery query, TimeRange range, IProgress<QueryProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = SqlRenderer.Render(query, SqlDialect.DuckDb, SqlSource.DuckDbEvents(), range);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await Task.Run(() => Stage(range, cancellationToken), cancellationToken).ConfigureAwait(false);
            var rows = Execute(connection, sql.Text, cancellationToken);
            var statistics = SqlResultShaper.Statistics(Execute(connection, sql.StatisticsText, cancellationToken).Single());
            var results = SqlResultShaper.Shape(sql, rows, statistics, _stagingWarnings);
            progress?.Report(new QueryProgress(QueryStatus.Complete, statistics));
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }

    private DuckDBConnection Stage(TimeRange range, CancellationToken cancellationToken)
    {
        // Records outside the range are filtered by the SQL; a wider staged range serves a narrower query.
        if (_connection is not null && _stagedRange is { } staged && Covers(staged, range))
        {
            return _connection;
        }

        _connection?.Dispose();
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = StagedEventColumns.CreateTable();
            create.ExecuteNonQuery();
        }

        var warnings = new List<string>();
        using (var appender = connection.CreateAppender(StagedEventColumns.DefaultTable))
        {
            long order = 0;
            foreach (var batch in _source.ReadBatches(range, warnings.Add, cancellationToken))
            {
                for (var i = 0; i < batch.Records.Count; i++)
                {
                    var record = batch.Records[i];
                    var time = record.Context?.Timestamp ?? batch.EventTimes?[i] ?? EventTime(record.Json.Span);
                    var row = appender.CreateRow().AppendValue(order++);
                    row = time is { } t ? row.AppendValue((double)t.ToUnixTimeMilliseconds()) : row.AppendNullValue();
                    row.AppendValue((long)record.Json.Length)
                        .AppendValue(InsightsPointer.Format(record.Location))
                        .AppendValue(Encoding.UTF8.GetString(record.Json.Span))
                        .EndRow();
                }
            }
        }

        _connection = connection;
        _stagedRange = range;
        _stagingWarnings = warnings;
        return connection;
    }

    private static bool Covers(TimeRange outer, TimeRange inner) =>
        (outer.Start is null || (inner.Start is { } s && s >= outer.Start))
        && (outer.End is null || (inner.End is { } e && e <= outer.End));

    // The offline engine's @timestamp for a record without a known time: its eventTime, else a top-level @timestamp.
    private static DateTimeOffset? EventTime(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        DateTimeOffset? atTimestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEventTime = reader.ValueTextEquals("eventTime"u8);
            var isAtTimestamp = reader.ValueTextEquals("@timestamp"u8);
            reader.Read();
            if ((isEventTime || isAtTimestamp) && Time(ref reader) is { } t)
            {
                if (isEventTime)
                {
                    return t;
                }

                atTimestamp = t;
            }

            reader.Skip();
        }

        return atTimestamp;

        static DateTimeOffset? Time(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String when CloudTrailTimestamp.TryParse(reader.GetString().AsSpan(), out var t) => t,
            JsonTokenType.Number when reader.TryGetDouble(out var ms) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(ms)),
            _ => null,
        };
    }

    private static List<IReadOnlyDictionary<string, object?>> Execute(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return rows;
    }
}
