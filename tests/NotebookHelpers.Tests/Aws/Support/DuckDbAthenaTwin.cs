using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Runtime;
using NotebookHelpers.Insights.Sql;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// What the loopback Athena (<see cref="FakeAthena"/>) computes for the Trino SQL of <c>nbh query --engine athena</c>:
/// the SQL text must be exactly the Trino rendering of a registered Logs Insights query and range, bounded by a
/// partition predicate (<c>"timestamp" BETWEEN … [AND account IN (…)] [AND region IN (…)]</c>) read back from the text;
/// anything else fails the query, as an engine refuses what it cannot run. The answer is computed by embedded DuckDB
/// running the same query's DuckDB rendering (its twin) over the records of the selected partitions' files, staged as
/// Athena reads them (every record of every file, no duplicate removal; ties go to <c>eventid</c> order, as the Trino
/// SQL orders them), and its values are written back as Athena's VarCharValue text for the Trino columns' kinds
/// (<c>__ord</c> is the event id, <c>@ptr</c> is <c>"$path"#eventid</c>). The bytes scanned are the selected files'.
/// </summary>
public sealed partial class DuckDbAthenaTwin
{
    private readonly IReadOnlyDictionary<string, string> _objects;
    private readonly string _bucket;
    private readonly string _table;
    private readonly ConcurrentBag<(InsightsQuery Query, TimeRange Range)> _queries = [];

    /// <summary>Creates the twin over <paramref name="objects"/> (bucket key → local file) of <paramref name="bucket"/>, read as the table <paramref name="table"/> (<c>DB.TABLE</c>).</summary>
    public DuckDbAthenaTwin(IReadOnlyDictionary<string, string> objects, string bucket, string table)
    {
        _objects = objects;
        _bucket = bucket;
        _table = table;
    }

    /// <summary>The Trino statements evaluated, in order.</summary>
    public ConcurrentQueue<string> Evaluated { get; } = new();

    /// <summary>Allows the Trino rendering of <paramref name="query"/> over <paramref name="range"/> (any partition bounds).</summary>
    public void Register(string query, TimeRange range) => _queries.Add((InsightsQuery.Parse(query), range));

    /// <summary>Computes the rows Athena would return for <paramref name="sql"/> (the evaluation <see cref="FakeAthena"/> takes).</summary>
    public FakeAthena.Table Evaluate(string sql)
    {
        var partitions = PartitionPredicate().Match(sql);
        if (!partitions.Success)
        {
            throw new FakeAthena.QueryFailure("NOT_SUPPORTED: the loopback Athena reads only partition-bounded queries, not: " + sql);
        }

        foreach (var (query, range) in _queries)
        {
            SqlQuery trino;
            try
            {
                trino = SqlRenderer.Render(query, SqlDialect.Trino, SqlSource.AthenaTable(_table, partitions.Value), range);
            }
            catch (SqlNotSupportedException)
            {
                continue; // registered, but nbh refuses it before any call: it can never be what arrives
            }

            var statistics = sql == trino.StatisticsText;
            if (sql != trino.Text && !statistics)
            {
                continue;
            }

            Evaluated.Enqueue(sql);
            var twin = SqlRenderer.Render(query, SqlDialect.DuckDb, SqlSource.DuckDbEvents(), range);
            var (records, scanned) = Read(partitions);
            try
            {
                return Run(records, statistics ? twin.StatisticsText : twin.Text, trino, twin, scanned);
            }
            catch (Exception e) when (e is DuckDBException or InvalidCastException or FormatException or ArgumentException or JsonException
                or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException or OverflowException)
            {
                // The twin's own failure, surfaced as the query's (the run then says why) instead of an HTTP 500.
                throw new FakeAthena.QueryFailure("TWIN_ERROR: " + e.Message);
            }
        }

        throw new FakeAthena.QueryFailure("NOT_SUPPORTED: the loopback Athena evaluates only the renderings of registered queries, not: " + sql);
    }

    private (List<Record> Records, long Scanned) Read(Match partitions)
    {
        var first = partitions.Groups["first"].Value;
        var last = partitions.Groups["last"].Value;
        var accounts = Strings(partitions.Groups["accounts"].Value);
        var regions = Strings(partitions.Groups["regions"].Value);
        var records = new List<Record>();
        long scanned = 0;
        foreach (var (key, file) in _objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var partition = KeyLayout().Match(key);
            var day = partition.Groups["day"].Value;
            if (!partition.Success || string.CompareOrdinal(day, first) < 0 || string.CompareOrdinal(day, last) > 0
                || (accounts.Count > 0 && !accounts.Contains(partition.Groups["account"].Value))
                || (regions.Count > 0 && !regions.Contains(partition.Groups["region"].Value)))
            {
                continue;
            }

            var (fileRecords, length) = FileRecords(key, file);
            scanned += length;
            records.AddRange(fileRecords);
        }

        return (records, scanned);
    }

    // The Athena test classes send many queries over the same 1,701 sample files: each file is decompressed and
    // parsed once per test run (records are immutable, each query gets its own list). The key holds the bucket and
    // object key (they are in every record's pointer) and the file's length and write time.
    private static readonly ConcurrentDictionary<(string Bucket, string Key, string File, long Length, DateTime Written), Lazy<(IReadOnlyList<Record> Records, long Length)>> FileCache = new();

    private (IReadOnlyList<Record> Records, long Length) FileRecords(string key, string file)
    {
        var info = new FileInfo(file);
        var bucket = _bucket;
        return FileCache.GetOrAdd((bucket, key, info.FullName, info.Length, info.LastWriteTimeUtc), _ => new Lazy<(IReadOnlyList<Record>, long)>(
            () => ParseFile(bucket, key, file), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static (IReadOnlyList<Record> Records, long Length) ParseFile(string bucket, string key, string file)
    {
        var bytes = File.ReadAllBytes(file);
        var length = bytes.LongLength;
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        var records = new List<Record>();
        using var document = JsonDocument.Parse(bytes);
        foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
        {
            var id = record.TryGetProperty("eventID", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            DateTimeOffset? time = record.TryGetProperty("eventTime", out var t) && t.ValueKind == JsonValueKind.String
                && CloudTrailTimestamp.TryParse(t.GetString().AsSpan(), out var parsed) ? parsed : null;
            records.Add(new Record(id, time, $"s3://{bucket}/{key}#{id}", record.GetRawText()));
        }

        return (records, length);
    }

    private static FakeAthena.Table Run(List<Record> records, string duckSql, SqlQuery trino, SqlQuery twin, long scanned)
    {
        // Athena has no input order: the staged order is eventid order (the Trino SQL's tie-breaker).
        var ordered = records.OrderBy(r => r.EventId, StringComparer.Ordinal).ThenBy(r => r.Pointer, StringComparer.Ordinal).ToList();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = StagedEventColumns.CreateTable();
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender(StagedEventColumns.DefaultTable))
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                var r = ordered[i];
                var row = appender.CreateRow().AppendValue((long)i);
                row = r.Time is { } t ? row.AppendValue((double)t.ToUnixTimeMilliseconds()) : row.AppendNullValue();
                row.AppendValue((long)r.Json.Length).AppendValue(r.Pointer).AppendValue(r.Json).EndRow();
            }
        }

        var trinoKinds = Kinds(trino);
        var twinKinds = Kinds(twin);
        using var command = connection.CreateCommand();
        command.CommandText = duckSql;
        using var reader = command.ExecuteReader();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var columns = names.Select(n => (n, AthenaType(n, trinoKinds))).ToList();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add([.. names.Select((n, i) => reader.IsDBNull(i) ? null : Text(n, reader.GetValue(i), twinKinds, trinoKinds, ordered))]);
        }

        return new FakeAthena.Table(columns, rows, scanned);
    }

    // A DuckDB value as Athena's VarCharValue of the Trino column.
    private static string? Text(string name, object raw, Dictionary<string, SqlValueKind> twinKinds, Dictionary<string, SqlValueKind> trinoKinds, List<Record> ordered)
    {
        if (name == "__ord")
        {
            return ordered[(int)Convert.ToInt64(raw, CultureInfo.InvariantCulture)].EventId;
        }

        if (name == "bytesScanned")
        {
            return null; // the Trino statistics SELECT has no byte count: Athena reports its own
        }

        if (!twinKinds.TryGetValue(name, out var twinKind))
        {
            return Convert.ToString(raw, CultureInfo.InvariantCulture);
        }

        var value = SqlResultShaper.ToValue(raw, twinKind);
        if (value.IsMissing)
        {
            return null;
        }

        return trinoKinds.GetValueOrDefault(name, twinKind) switch
        {
            SqlValueKind.Text => Coerce.ToText(value),
            SqlValueKind.Json => value.Kind switch
            {
                ValueKind.String => JsonSerializer.Serialize(value.RawText),
                ValueKind.Boolean => value.Number != 0 ? "true" : "false",
                _ => value.RawText ?? value.Number.ToString("R", CultureInfo.InvariantCulture),
            },
            SqlValueKind.Boolean => value.Number != 0 ? "true" : "false",
            _ => value.Number.ToString("R", CultureInfo.InvariantCulture),
        };
    }

    private static string AthenaType(string name, Dictionary<string, SqlValueKind> kinds) =>
        kinds.TryGetValue(name, out var kind)
            ? kind switch { SqlValueKind.Number or SqlValueKind.Timestamp => "double", SqlValueKind.Boolean => "boolean", _ => "varchar" }
            : "bigint";

    private static Dictionary<string, SqlValueKind> Kinds(SqlQuery query)
    {
        var kinds = new Dictionary<string, SqlValueKind>(StringComparer.Ordinal);
        foreach (var column in query.Columns.Concat(query.SortKeys.Select(k => k.Column)).Concat(query.GroupKeys).Concat(query.DedupColumns)
            .Concat(query.InputOrder is { } o ? [o] : []).Concat(query.Pointer is { } p ? [p] : []))
        {
            kinds[column.SqlName] = column.Kind;
        }

        return kinds;
    }

    private static List<string> Strings(string list) =>
        [.. Regex.Matches(list, "'([^']*)'").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""
        "timestamp" BETWEEN '(?<first>[0-9/]{10})' AND '(?<last>[0-9/]{10})'(?: AND account IN \((?<accounts>[^)]*)\))?(?: AND region IN \((?<regions>[^)]*)\))?
        """, RegexOptions.CultureInvariant)]
    private static partial Regex PartitionPredicate();

    [GeneratedRegex(@"^(?:[^/]+/)*AWSLogs/(?:o-[a-z0-9]+/)?(?<account>[0-9]{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<day>[0-9]{4}/[0-9]{2}/[0-9]{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLayout();

    private sealed record Record(string? EventId, DateTimeOffset? Time, string Pointer, string Json);
}
