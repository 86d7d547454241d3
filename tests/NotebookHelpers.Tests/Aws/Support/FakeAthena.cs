using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// An Athena stand-in for the fake server, behaving as the API reference documents: every request must be signed for
/// the service <c>athena</c> in <see cref="Region"/> and target <c>AmazonAthena.*</c>; StartQueryExecution needs a
/// 32-128 character ClientRequestToken (the same token returns the same execution) and an output location (its own
/// or its workgroup's); GetQueryExecution walks QUEUED → RUNNING (DataScannedInBytes growing) → SUCCEEDED, FAILED
/// (with StateChangeReason and AthenaError) or CANCELLED (after StopQueryExecution); GetQueryResults refuses an
/// unfinished query and pages the rows, the first page starting with the header row. The rows are whatever
/// <see cref="Execute"/> computes for the SQL text: the tests give it a real evaluation, never a canned answer.
/// </summary>
public sealed class FakeAthena
{
    private readonly ConcurrentDictionary<string, Execution> _executions = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private int _nextId;

    /// <summary>Creates the stand-in; <paramref name="execute"/> evaluates a query's SQL text.</summary>
    public FakeAthena(Func<string, Table> execute, string region = "us-east-1")
    {
        Execute = execute;
        Region = region;
    }

    /// <summary>Evaluates a query's SQL text; throw <see cref="QueryFailure"/> to make the query FAILED.</summary>
    public Func<string, Table> Execute { get; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; }

    /// <summary>GetQueryExecution polls answered QUEUED before RUNNING.</summary>
    public int QueuedPolls { get; init; } = 1;

    /// <summary>GetQueryExecution polls answered RUNNING before the query ends.</summary>
    public int RunningPolls { get; init; } = 2;

    /// <summary>When set, every query stays RUNNING (a query that never ends on its own).</summary>
    public bool NeverEnds { get; init; }

    /// <summary>Workgroups and their output locations; <c>primary</c> has none unless given.</summary>
    public IReadOnlyDictionary<string, string?> WorkGroups { get; init; } = new Dictionary<string, string?> { ["primary"] = null };

    /// <summary>When set, every GetQueryResults page after the first answers this same NextToken (a service bug).</summary>
    public bool RepeatsToken { get; init; }

    /// <summary>Every StartQueryExecution body, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Started { get; } = new();

    /// <summary>Execution ids StopQueryExecution was called for.</summary>
    public ConcurrentQueue<string> Stopped { get; } = new();

    /// <summary>Every GetQueryResults MaxResults asked for.</summary>
    public ConcurrentQueue<int> PageSizes { get; } = new();

    /// <summary>Answers one Athena request.</summary>
    public FakeResponse Handle(RecordedRequest request)
    {
        if (request.Service != "athena" || request.Region != Region)
        {
            return FakeResponse.JsonError("InvalidSignatureException", $"signed for {request.Service} in {request.Region}, not athena in {Region}", 403);
        }

        if (request.Target is not { } target || !target.StartsWith("AmazonAthena.", StringComparison.Ordinal))
        {
            return FakeResponse.JsonError("UnknownOperationException", $"X-Amz-Target {request.Target}");
        }

        var body = request.Json;
        return request.Operation switch
        {
            "StartQueryExecution" => Start(body),
            "GetQueryExecution" => Poll(body),
            "GetQueryResults" => Results(body),
            "StopQueryExecution" => Stop(body),
            "GetWorkGroup" => WorkGroup(body),
            "GetTableMetadata" => TableMetadata(body),
            _ => FakeResponse.JsonError("UnknownOperationException", request.Operation),
        };
    }

    private FakeResponse Start(JsonElement body)
    {
        Started.Enqueue(body.Clone());
        var token = body.TryGetProperty("ClientRequestToken", out var t) ? t.GetString() ?? "" : "";
        if (token.Length is < 32 or > 128)
        {
            return InvalidRequest("ClientRequestToken must be 32 to 128 characters (the SDKs generate one; a raw client must send it)");
        }

        if (_tokens.TryGetValue(token, out var existing))
        {
            return FakeResponse.Json($$"""{"QueryExecutionId":"{{existing}}"}""");
        }

        var workGroup = body.TryGetProperty("WorkGroup", out var w) ? w.GetString()! : "primary";
        if (!WorkGroups.TryGetValue(workGroup, out var workGroupOutput))
        {
            return InvalidRequest($"WorkGroup {workGroup} is not found.");
        }

        var output = body.TryGetProperty("ResultConfiguration", out var rc) && rc.TryGetProperty("OutputLocation", out var o) ? o.GetString() : workGroupOutput;
        if (output is null)
        {
            return InvalidRequest("No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.");
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"5f0c9e2a-0000-4000-8000-{Interlocked.Increment(ref _nextId):D12}");
        _tokens[token] = id;
        _executions[id] = new Execution(id, body.GetProperty("QueryString").GetString()!, workGroup, output, body.TryGetProperty("QueryExecutionContext", out var c) ? c.Clone() : default);
        return FakeResponse.Json($$"""{"QueryExecutionId":"{{id}}"}""");
    }

    private FakeResponse Poll(JsonElement body)
    {
        if (!TryFind(body, out var execution, out var missing))
        {
            return missing;
        }

        lock (execution)
        {
            execution.Polls++;
            if (execution.State is "QUEUED" or "RUNNING")
            {
                Advance(execution);
            }

            var status = new Dictionary<string, object?>
            {
                ["State"] = execution.State,
                ["SubmissionDateTime"] = 1.7725e9,
            };
            if (execution.Reason is not null)
            {
                status["StateChangeReason"] = execution.Reason;
            }

            if (execution.State == "FAILED")
            {
                status["AthenaError"] = new { ErrorCategory = 2, ErrorType = 1006, Retryable = false, ErrorMessage = execution.Reason };
            }

            var json = JsonSerializer.Serialize(new
            {
                QueryExecution = new Dictionary<string, object?>
                {
                    ["QueryExecutionId"] = execution.Id,
                    ["Query"] = execution.Sql,
                    ["StatementType"] = execution.Sql.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) ? "DDL" : "DML",
                    ["ResultConfiguration"] = new { OutputLocation = execution.Output.TrimEnd('/') + "/" + execution.Id + ".csv" },
                    ["QueryExecutionContext"] = execution.Context.ValueKind == JsonValueKind.Undefined ? null : execution.Context,
                    ["Status"] = status,
                    ["Statistics"] = new { EngineExecutionTimeInMillis = 120L * execution.Polls, DataScannedInBytes = execution.Scanned, TotalExecutionTimeInMillis = 150L * execution.Polls },
                    ["WorkGroup"] = execution.WorkGroup,
                    ["EngineVersion"] = new { SelectedEngineVersion = "AUTO", EffectiveEngineVersion = "Athena engine version 3" },
                },
            }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
            return FakeResponse.Json(json);
        }
    }

    // QUEUED for QueuedPolls polls, then RUNNING (bytes scanned growing in equal steps) for RunningPolls polls, then
    // the evaluation's outcome; a stopped query is CANCELLED with what it had scanned.
    private void Advance(Execution execution)
    {
        if (execution.StopRequested)
        {
            execution.State = "CANCELLED";
            execution.Reason = "Query cancelled by user";
            return;
        }

        if (execution.Polls <= QueuedPolls)
        {
            execution.State = "QUEUED";
            return;
        }

        execution.Result ??= Evaluate(execution);
        var running = execution.Polls - QueuedPolls;
        if (NeverEnds || running <= RunningPolls)
        {
            execution.State = "RUNNING";
            var total = execution.Result.Value.Table?.BytesScanned ?? 0;
            var steps = NeverEnds ? running : Math.Min(running, RunningPolls + 1);
            execution.Scanned = NeverEnds ? total * steps : total * steps / (RunningPolls + 1);
            return;
        }

        if (execution.Result.Value.Failure is { } failure)
        {
            execution.State = "FAILED";
            execution.Reason = failure;
            execution.Scanned = 0;
        }
        else
        {
            execution.State = "SUCCEEDED";
            execution.Scanned = execution.Result.Value.Table!.BytesScanned;
        }
    }

    private (Table? Table, string? Failure) Evaluate(Execution execution)
    {
        if (execution.Sql.StartsWith("CREATE EXTERNAL TABLE", StringComparison.Ordinal))
        {
            return CreateTable(execution.Sql) ? (new Table([], [], 0), null) : (null, "FAILED: ParseException: line 1:22: mismatched input");
        }

        try
        {
            return (Execute(execution.Sql), null);
        }
        catch (QueryFailure e)
        {
            return (null, e.Message);
        }
    }

    private FakeResponse Results(JsonElement body)
    {
        if (!TryFind(body, out var execution, out var missing))
        {
            return missing;
        }

        var max = body.TryGetProperty("MaxResults", out var m) ? m.GetInt32() : 1000;
        PageSizes.Enqueue(max);
        if (max is < 1 or > 1000)
        {
            return InvalidRequest("MaxResults must be between 1 and 1000");
        }

        lock (execution)
        {
            if (execution.State != "SUCCEEDED")
            {
                return InvalidRequest($"Query has not yet finished. Current state: {execution.State}");
            }
        }

        var table = execution.Result!.Value.Table!;
        var isDdl = execution.Sql.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase);
        var all = new List<IReadOnlyList<string?>>();
        if (!isDdl)
        {
            all.Add([.. table.Columns.Select(c => (string?)c.Name)]);
        }

        all.AddRange(table.Rows);
        var offset = body.TryGetProperty("NextToken", out var t) ? int.Parse(t.GetString()!["offset-".Length..], CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(offset).Take(max).ToList();
        var next = offset + max < all.Count ? "offset-" + (RepeatsToken && offset > 0 ? offset : offset + max).ToString(CultureInfo.InvariantCulture) : null;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["UpdateCount"] = 0,
            ["ResultSet"] = new
            {
                Rows = page.Select(r => new { Data = r.Select(v => v is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["VarCharValue"] = v }) }),
                ResultSetMetadata = new
                {
                    ColumnInfo = table.Columns.Select(c => new { CatalogName = "hive", SchemaName = "", TableName = "", Name = c.Name, Label = c.Name, Type = c.Type, Precision = 0, Scale = 0, Nullable = "UNKNOWN", CaseSensitive = c.Type == "varchar" }),
                },
            },
            ["NextToken"] = next,
        }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return FakeResponse.Json(json);
    }

    private FakeResponse Stop(JsonElement body)
    {
        if (!TryFind(body, out var execution, out var missing))
        {
            return missing;
        }

        Stopped.Enqueue(execution.Id);
        lock (execution)
        {
            if (execution.State is "QUEUED" or "RUNNING")
            {
                execution.StopRequested = true;
                execution.State = "CANCELLED";
                execution.Reason = "Query cancelled by user";
            }
        }

        return FakeResponse.Json("{}");
    }

    private FakeResponse WorkGroup(JsonElement body)
    {
        var name = body.GetProperty("WorkGroup").GetString()!;
        if (!WorkGroups.TryGetValue(name, out var output))
        {
            return InvalidRequest($"WorkGroup {name} is not found.");
        }

        return FakeResponse.Json(JsonSerializer.Serialize(new
        {
            WorkGroup = new
            {
                Name = name,
                State = "ENABLED",
                Configuration = new Dictionary<string, object?>
                {
                    ["ResultConfiguration"] = output is null ? new { } : new { OutputLocation = output },
                    ["EnforceWorkGroupConfiguration"] = false,
                },
            },
        }));
    }

    // The tables CREATE EXTERNAL TABLE statements made, read back from the statement as Glue would store them: the
    // PARTITIONED BY column names and the TBLPROPERTIES pairs.
    private FakeResponse TableMetadata(JsonElement body)
    {
        var name = $"{body.GetProperty("DatabaseName").GetString()}.{body.GetProperty("TableName").GetString()}";
        if (!_tables.TryGetValue(name, out var ddl))
        {
            return FakeResponse.JsonError("MetadataException", $"Table {name} not found");
        }

        var partitioned = System.Text.RegularExpressions.Regex.Match(ddl, @"PARTITIONED BY \(([^)]*)\)");
        var keys = partitioned.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => new { Name = c.Split(' ')[0].Trim('`'), Type = "string" });
        var properties = System.Text.RegularExpressions.Regex.Matches(ddl[ddl.IndexOf("TBLPROPERTIES", StringComparison.Ordinal)..], @"'([^']*)'='([^']*)'")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        return FakeResponse.Json(JsonSerializer.Serialize(new
        {
            TableMetadata = new { Name = name.Split('.')[1], TableType = "EXTERNAL_TABLE", PartitionKeys = keys, Parameters = properties },
        }));
    }

    private readonly ConcurrentDictionary<string, string> _tables = new();

    /// <summary>
    /// Runs a CREATE EXTERNAL TABLE statement as Athena would (a query of it does too): the table is then known to
    /// GetTableMetadata. False when the statement does not name a database and table.
    /// </summary>
    public bool CreateTable(string ddl)
    {
        var name = System.Text.RegularExpressions.Regex.Match(ddl, @"^CREATE EXTERNAL TABLE `([a-z0-9_]+)`\.`([a-z0-9_]+)`");
        if (name.Success)
        {
            _tables[$"{name.Groups[1].Value}.{name.Groups[2].Value}"] = ddl;
        }

        return name.Success;
    }

    private bool TryFind(JsonElement body, out Execution execution, out FakeResponse missing)
    {
        var id = body.TryGetProperty("QueryExecutionId", out var i) ? i.GetString() ?? "" : "";
        if (_executions.TryGetValue(id, out execution!))
        {
            missing = null!;
            return true;
        }

        missing = InvalidRequest($"QueryExecution {id} was not found");
        return false;
    }

    private static FakeResponse InvalidRequest(string message) =>
        new(400, "application/x-amz-json-1.1", System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = "InvalidRequestException",
            ["AthenaErrorCode"] = "INVALID_INPUT",
            ["Message"] = message,
        })));

    /// <summary>What a query computed: its columns (name, Athena type), rows (null is SQL NULL) and the bytes it read.</summary>
    public sealed record Table(IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, long BytesScanned);

    /// <summary>Thrown by an evaluation to make the query FAILED with this reason.</summary>
    public sealed class QueryFailure(string reason) : Exception(reason);

    private sealed class Execution(string id, string sql, string workGroup, string output, JsonElement context)
    {
        public string Id { get; } = id;

        public string Sql { get; } = sql;

        public string WorkGroup { get; } = workGroup;

        public string Output { get; } = output;

        public JsonElement Context { get; } = context;

        public string State { get; set; } = "QUEUED";

        public string? Reason { get; set; }

        public long Scanned { get; set; }

        public int Polls { get; set; }

        public bool StopRequested { get; set; }

        public (Table? Table, string? Failure)? Result { get; set; }
    }
}
