using System.Collections.Concurrent;
using NotebookHelpers.Events;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Execution;

/// <summary>
/// Runs a <see cref="QueryPlan"/> over partitions: the source's batches are handed to one worker per core, each
/// with its own row, collector and counters (no locks on the hot path); the collectors are merged at the end, then
/// the rest of the pipeline runs and the rows are shaped like GetQueryResults.
/// </summary>
internal sealed class QueryExecutor
{
    private readonly QueryPlan _plan;
    private readonly QueryContext _context;

    public QueryExecutor(QueryPlan plan, QueryContext context)
    {
        _plan = plan;
        _context = context;
    }

    public async Task<QueryResults> RunAsync(InsightsRecordSource source, int degreeOfParallelism, IProgress<QueryProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new ConcurrentQueue<string>();
        var workers = Math.Max(1, degreeOfParallelism);
        var states = new Worker[workers];
        long scannedSoFar = 0, bytesSoFar = 0, matchedSoFar = 0;
        using var queue = new BlockingCollection<(RecordBatch Batch, long Index)>(workers * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var state = states[w] = new Worker(_plan, _context);
            tasks[w] = Task.Factory.StartNew(
                () =>
                {
                    foreach (var (batch, index) in queue.GetConsumingEnumerable(stop.Token))
                    {
                        var (s0, b0, m0) = (state.Scanned, state.Bytes, state.Matched);
                        state.Process(batch, index << 32);
                        var scanned = Interlocked.Add(ref scannedSoFar, state.Scanned - s0);
                        var bytes = Interlocked.Add(ref bytesSoFar, state.Bytes - b0);
                        var matched = Interlocked.Add(ref matchedSoFar, state.Matched - m0);
                        progress?.Report(new QueryProgress(QueryStatus.Running, new QueryStatistics(matched, scanned, bytes)));
                    }
                },
                stop.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            long index = 0;
            foreach (var batch in source.ReadBatches(_context.Range, _plan.RequiredKeys, problems.Enqueue, stop.Token))
            {
                queue.Add((batch, index++), stop.Token);
            }

            queue.CompleteAdding();
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            queue.CompleteAdding();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The workers stopped because the read failed; the read's exception is the one to report.
            }

            throw;
        }

        var collector = states[0].Collector;
        foreach (var other in states.Skip(1))
        {
            collector.Merge(other.Collector);
        }

        var rows = ListExecutor.Run(collector.Finish(), _plan.Rest, _plan.Slots.Count);
        var statistics = new QueryStatistics(states.Sum(s => s.Matched), states.Sum(s => s.Scanned), states.Sum(s => s.Bytes));
        var results = Shape(rows, statistics, [.. problems]);
        progress?.Report(new QueryProgress(QueryStatus.Complete, statistics));
        return results;
    }

    private QueryResults Shape(List<Row> rows, QueryStatistics statistics, IReadOnlyList<string> warnings)
    {
        var columns = _plan.Columns;
        var output = new List<IReadOnlyList<ResultField>>(Math.Min(rows.Count, _plan.OutputLimit));
        foreach (var row in rows.Take(_plan.OutputLimit))
        {
            var fields = new List<ResultField>(columns.Length + 1);
            foreach (var (name, value) in columns)
            {
                if (Coerce.ToDisplayText(value(row)) is { } text)
                {
                    fields.Add(new ResultField(name, text));
                }
            }

            if (_plan.AppendPointer)
            {
                fields.Add(new ResultField(SystemFields.Pointer, InsightsPointer.Format(row.Location)));
            }

            output.Add(fields);
        }

        IReadOnlyList<string> names = _plan.AppendPointer ? [.. columns.Select(c => c.Name), SystemFields.Pointer] : [.. columns.Select(c => c.Name)];
        return new QueryResults(QueryStatus.Complete, names, output, statistics, warnings);
    }

    private sealed class Worker
    {
        private readonly QueryPlan _plan;
        private readonly QueryContext _context;
        private readonly Row _row;
        private readonly IReadOnlyList<Stage> _streaming;

        public Worker(QueryPlan plan, QueryContext context)
        {
            _plan = plan;
            _context = context;
            _row = new Row(plan.Slots.Count, plan.SortKeyCount);
            _streaming = plan.Streaming;
            Collector = plan.CreateCollector();
        }

        public RowCollector Collector { get; }

        public long Scanned { get; private set; }

        public long Bytes { get; private set; }

        public long Matched { get; private set; }

        public void Process(RecordBatch batch, long firstOrder)
        {
            Scanned += batch.SkippedRecords;
            Bytes += batch.SkippedBytes;
            var records = batch.Records;
            var times = batch.EventTimes;
            for (var i = 0; i < records.Count; i++)
            {
                Process(records[i], times?[i], firstOrder + i);
            }
        }

        private void Process(LogRecord record, DateTimeOffset? knownTime, long order)
        {
            var row = _row;
            row.Reset();
            row.Json = record.Json;
            row.Location = record.Location;
            row.Context = record.Context;
            row.Order = order;
            var slots = row.Slots;
            if (_plan.PrefilterKeys.Length > 0 && CannotMatch(record, knownTime))
            {
                Scanned++;
                Bytes += record.Json.Length;
                return;
            }

            _plan.Extractor.Extract(record.Json.Span, slots);
            if (_plan.NeedsTimestamp)
            {
                slots[0] = ResolveTimestamp(record, knownTime, slots);
                var range = _context.Range;
                if (!range.IsUnbounded
                    && (slots[0].IsMissing || !range.Contains(DateTimeOffset.FromUnixTimeMilliseconds((long)slots[0].Number))))
                {
                    return;
                }
            }

            Scanned++;
            Bytes += record.Json.Length;
            foreach (var (slot, name) in _plan.ContextFields)
            {
                slots[slot] = ContextValue(record.Context, name);
            }

            var stages = _streaming;
            for (var i = 0; i < stages.Count; i++)
            {
                if (!StageRunner.Apply(stages[i], row))
                {
                    return;
                }
            }

            Matched++;
            Collector.Add(row);
        }

        // True when the event's time is known to be in range and its raw JSON lacks a key a leading filter
        // requires. A record with \u escapes might spell the key escaped, so it is always parsed.
        private bool CannotMatch(LogRecord record, DateTimeOffset? knownTime)
        {
            var range = _context.Range;
            var time = record.Context?.Timestamp ?? knownTime;
            if (!range.IsUnbounded && !(time is { } t && range.Contains(t)))
            {
                return false;
            }

            var json = record.Json.Span;
            foreach (var key in _plan.PrefilterKeys)
            {
                if (json.IndexOf(key) < 0)
                {
                    return json.IndexOf("\\u"u8) < 0;
                }
            }

            return false;
        }

        private Value ResolveTimestamp(LogRecord record, DateTimeOffset? knownTime, Value[] slots)
        {
            if (record.Context?.Timestamp is { } t)
            {
                return Value.FromTimestamp(t);
            }

            if (knownTime is { } known)
            {
                return Value.FromTimestamp(known);
            }

            foreach (var source in _plan.TimestampSourceSlots)
            {
                if (!slots[source].IsMissing)
                {
                    return slots[source];
                }
            }

            return Value.Missing;
        }

        private static Value ContextValue(LogEventContext? context, string name) => name switch
        {
            SystemFields.LogStream => Value.FromString(context?.LogStream),
            SystemFields.Log => Value.FromString(context?.LogGroup is { } g ? (context.AccountId is { } a ? $"{a}:{g}" : g) : null),
            SystemFields.IngestionTime => context?.IngestionTime is { } t ? Value.FromTimestamp(t) : Value.Missing,
            _ => Value.Missing,
        };
    }
}
