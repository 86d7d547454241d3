using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Parsing;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights;

/// <summary>
/// Logs Insights filter expressions compiled once by the offline engine and evaluated event by event, for code that
/// decides on events one at a time (the detection rules) but must say what it matches in the query language, so that
/// the same text runs on CloudWatch Logs, offline and, rendered as SQL, on Athena. The fields every expression reads
/// are decoded from an event's JSON in one pass, shared by all expressions (<see cref="Reader"/>). A set is
/// immutable and may be shared between threads; each thread reads through its own <see cref="CreateReader"/>.
/// </summary>
public sealed class InsightsFilterSet
{
    private readonly FilterSetPlan _plan;

    private InsightsFilterSet(IReadOnlyList<string> expressions, FilterSetPlan plan)
    {
        Expressions = expressions;
        _plan = plan;
    }

    /// <summary>The filter expressions, in the order of their indexes.</summary>
    public IReadOnlyList<string> Expressions { get; }

    /// <summary>
    /// Compiles <paramref name="expressions"/>: each is what follows <c>filter</c> in a query (<c>eventName = "X" and
    /// not ispresent(errorCode)</c>). Time functions that need a query's range are evaluated as for an unbounded range.
    /// </summary>
    /// <exception cref="InsightsQueryException">An expression does not parse or compile; the message quotes it.</exception>
    public static InsightsFilterSet Compile(IReadOnlyList<string> expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        var syntaxes = expressions.Select(e => QueryParser.Parse(FilterQuery(e))).ToList();
        var plan = QueryCompiler.CompileFilters(syntaxes, new QueryContext(DateTimeOffset.UnixEpoch, TimeRange.All));
        return new InsightsFilterSet([.. expressions], plan);
    }

    /// <summary>The one-command query <c>filter EXPRESSION</c>.</summary>
    public static string FilterQuery(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return "filter " + expression;
    }

    /// <summary>A reader for one thread (it reuses one row, and decodes each event once for all expressions).</summary>
    public Reader CreateReader() => new(_plan);

    /// <summary>
    /// Evaluates the set's expressions on events, decoding each event's fields once: the first question about an event
    /// decodes it, later questions about the same event (by reference) reuse the row. Not thread-safe.
    /// </summary>
    public sealed class Reader
    {
        private readonly FilterSetPlan _plan;
        private readonly Row _row;
        private CloudTrailEvent? _current;

        internal Reader(FilterSetPlan plan)
        {
            _plan = plan;
            _row = new Row(plan.SlotCount, 0);
        }

        /// <summary>True when expression <paramref name="index"/> is true for <paramref name="ev"/> (as a filter keeps it).</summary>
        /// <exception cref="ArgumentOutOfRangeException">There is no expression <paramref name="index"/>.</exception>
        public bool Matches(int index, CloudTrailEvent ev)
        {
            ArgumentNullException.ThrowIfNull(ev);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _plan.Conditions.Length);
            if (!ReferenceEquals(ev, _current))
            {
                Load(ev);
            }

            return Coerce.IsTrue(_plan.Conditions[index](_row));
        }

        private void Load(CloudTrailEvent ev)
        {
            var row = _row;
            row.Reset();
            row.Json = ev.Utf8Json;
            row.Location = ev.Location;
            row.Context = ev.Record.Context;
            _plan.Extractor.Extract(ev.Utf8Json.Span, row.Slots);
            row.Slots[0] = Value.FromTimestamp(ev.EventTime);
            _current = ev;
        }
    }
}
