using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// A CloudWatch Logs Insights stand-in for the fake server, behaving as the API reference documents: StartQuery over
/// inclusive whole seconds returns a queryId, GetQueryResults answers Scheduled, then Running, then Complete with at
/// most <c>limit</c> rows newest first, StopQuery ends a running query. Tracks how many queries run at once.
/// </summary>
public sealed class FakeLogsInsights
{
    private readonly ConcurrentDictionary<string, QueryState> _queries = new();
    private readonly List<(long Seconds, string Message)> _events;
    private readonly int _pollsBeforeComplete;
    private int _running;
    private int _nextId;

    /// <summary>Creates the stand-in over events (epoch seconds, message).</summary>
    public FakeLogsInsights(IEnumerable<(long Seconds, string Message)> events, int pollsBeforeComplete = 2)
    {
        _events = [.. events];
        _pollsBeforeComplete = pollsBeforeComplete;
    }

    /// <summary>
    /// When set, a completed query answers these rows (field, value) instead of the matching events' @timestamp,
    /// @message and @ptr: the service's own evaluation of the query string over the range (inclusive seconds) and limit.
    /// </summary>
    public Func<string, long, long, int, IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>>? Evaluate { get; init; }

    /// <summary>The highest number of queries that were running at the same time.</summary>
    public int MaxConcurrent { get; private set; }

    /// <summary>Every StartQuery range (start, end seconds, limit), in arrival order.</summary>
    public ConcurrentQueue<(long Start, long End, int Limit)> Started { get; } = new();

    /// <summary>Query ids StopQuery was called for.</summary>
    public ConcurrentQueue<string> Stopped { get; } = new();

    /// <summary>Answers one Logs request.</summary>
    public FakeResponse Handle(RecordedRequest request)
    {
        var body = request.Json;
        switch (request.Operation)
        {
            case "StartQuery":
            {
                var start = body.GetProperty("startTime").GetInt64();
                var end = body.GetProperty("endTime").GetInt64();
                var limit = body.TryGetProperty("limit", out var l) ? l.GetInt32() : 10_000;
                Started.Enqueue((start, end, limit));
                var id = "q-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
                var queryString = body.TryGetProperty("queryString", out var q) ? q.GetString() ?? "" : "";
                _queries[id] = new QueryState(start, end, limit, queryString);
                lock (_queries)
                {
                    _running++;
                    MaxConcurrent = Math.Max(MaxConcurrent, _running);
                }

                return FakeResponse.Json($$"""{"queryId":"{{id}}"}""");
            }

            case "GetQueryResults":
            {
                var id = body.GetProperty("queryId").GetString()!;
                var state = _queries[id];
                var poll = Interlocked.Increment(ref state.Polls);
                if (state.Stopped)
                {
                    return FakeResponse.Json("""{"results":[],"status":"Cancelled"}""");
                }

                if (poll == 1 && _pollsBeforeComplete > 0)
                {
                    return FakeResponse.Json("""{"results":[],"statistics":{"recordsMatched":0.0,"recordsScanned":0.0,"bytesScanned":0.0},"status":"Scheduled"}""");
                }

                if (poll < _pollsBeforeComplete + 1)
                {
                    return FakeResponse.Json("""{"results":[],"statistics":{"recordsMatched":0.0,"recordsScanned":0.0,"bytesScanned":0.0},"status":"Running"}""");
                }

                Finish(state);
                if (Evaluate is not null)
                {
                    var evaluated = Evaluate(state.Query, state.Start, state.End, state.Limit);
                    return FakeResponse.Json(JsonSerializer.Serialize(new
                    {
                        results = evaluated.Select(row => row.Select(f => new { field = f.Key, value = f.Value })),
                        statistics = new { recordsMatched = (double)evaluated.Count, recordsScanned = (double)_events.Count, bytesScanned = _events.Count * 100.0 },
                        status = "Complete",
                    }));
                }

                var matched = _events.Where(e => e.Seconds >= state.Start && e.Seconds <= state.End).OrderByDescending(e => e.Seconds).ToList();
                var rows = matched.Take(state.Limit).Select(e => new object[]
                {
                    new { field = "@timestamp", value = DateTimeOffset.FromUnixTimeSeconds(e.Seconds).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) },
                    new { field = "@message", value = e.Message },
                    new { field = "@ptr", value = "ptr-" + e.Seconds.ToString(CultureInfo.InvariantCulture) },
                });
                var json = JsonSerializer.Serialize(new
                {
                    results = rows,
                    statistics = new { recordsMatched = (double)matched.Count, recordsScanned = (double)matched.Count, bytesScanned = matched.Count * 100.0 },
                    status = "Complete",
                });
                return FakeResponse.Json(json);
            }

            case "StopQuery":
            {
                var id = body.GetProperty("queryId").GetString()!;
                Stopped.Enqueue(id);
                var state = _queries[id];
                state.Stopped = true;
                Finish(state);
                return FakeResponse.Json("""{"success":true}""");
            }

            default:
                return FakeResponse.JsonError("UnknownOperationException", request.Operation);
        }
    }

    private void Finish(QueryState state)
    {
        lock (_queries)
        {
            if (!state.Finished)
            {
                state.Finished = true;
                _running--;
            }
        }
    }

    private sealed class QueryState(long start, long end, int limit, string query)
    {
        public int Polls;

        public long Start { get; } = start;

        public long End { get; } = end;

        public int Limit { get; } = limit;

        public string Query { get; } = query;

        public bool Stopped { get; set; }

        public bool Finished { get; set; }
    }
}
