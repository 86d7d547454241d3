using System.Diagnostics.CodeAnalysis;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Compiles a parsed query for offline execution: rejects what the offline engine does not run (by name), checks the
/// documented rules (<see cref="QueryRules"/>), applies the named rewrites (<see cref="NegatedMatchRewriter"/>,
/// <see cref="BinRewriter"/>, <see cref="AggregateExtractor"/>), works out which JSON fields the events must yield
/// (only those read before being defined), and builds the <see cref="QueryPlan"/>.
/// </summary>
internal sealed class QueryCompiler
{
    private const string EventTimeSource = "#eventTime";
    private const string AtTimestampSource = "#@timestamp";

    private readonly QuerySyntax _syntax;
    private readonly QueryContext _context;
    private readonly SlotTable _slots = new();
    private readonly ExpressionCompiler _compiler;
    private readonly List<Stage> _stages = [];
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldExpression> _jsonReads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _systemReads = new(StringComparer.Ordinal);
    private readonly List<string> _visible = [];
    private readonly List<FieldExpression> _prefilterFields = [];

    // Fields assigned a map or list (jsonParse, split), or something that may be one (member access): dotted reads
    // below them become member access. "Certain" ones are refused where AWS refuses maps and lists.
    private readonly HashSet<string> _mayBeStructured = new(StringComparer.Ordinal);
    private readonly HashSet<string> _certainlyStructured = new(StringComparer.Ordinal);
    private bool _explicitColumns;
    private bool _statsSeen;
    private bool _usesTimeAggregates;
    private int _statsCount;
    private int? _lastLimit;

    private QueryCompiler(QuerySyntax syntax, QueryContext context)
    {
        _syntax = syntax;
        _context = context;
        _compiler = new ExpressionCompiler(_slots, context);
    }

    /// <summary>Compiles <paramref name="syntax"/>.</summary>
    /// <exception cref="InsightsQueryException">The query breaks a rule or uses something the offline engine does not run.</exception>
    public static QueryPlan Compile(QuerySyntax syntax, QueryContext context)
    {
        try
        {
            return new QueryCompiler(syntax, context).Build();
        }
        catch (InsightsCompileException e)
        {
            throw e.ToQueryException(syntax.Text);
        }
    }

    /// <summary>
    /// Compiles <paramref name="filters"/> (each exactly one <c>filter</c> command) against one slot table, so one pass
    /// of the returned extractor over an event's JSON feeds every condition (<see cref="InsightsFilterSet"/>).
    /// </summary>
    /// <exception cref="InsightsQueryException">A filter is not one filter command, or does not compile; the message names it.</exception>
    public static FilterSetPlan CompileFilters(IReadOnlyList<QuerySyntax> filters, QueryContext context)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var compiler = new QueryCompiler(filters.Count > 0 ? filters[0] : new QuerySyntax(string.Empty, []), context);
        var conditions = new Evaluator[filters.Count];
        for (var i = 0; i < filters.Count; i++)
        {
            var syntax = filters[i];
            try
            {
                if (syntax.Commands is not [FilterCommand filter])
                {
                    throw new InsightsCompileException("a filter set takes one 'filter' command per entry.", syntax.Commands.Count > 1 ? syntax.Commands[1].KeywordSpan : default);
                }

                conditions[i] = compiler.CompileRead(filter.Condition);
            }
            catch (InsightsCompileException e)
            {
                throw e.ToQueryException(syntax.Text);
            }
        }

        var extractor = new JsonFieldExtractor();
        foreach (var (name, field) in compiler._jsonReads)
        {
            extractor.Add(JsonPath(field), compiler._slots.GetOrAdd(name));
        }

        return new FilterSetPlan(extractor, compiler._slots.GetOrAdd(SystemFields.Message), compiler._slots.Count, conditions);
    }

    private QueryPlan Build()
    {
        foreach (var unsupported in _syntax.Commands.OfType<UnsupportedCommand>())
        {
            throw new InsightsCompileException(
                $"`{unsupported.Keyword}` is not supported offline; run it with --logs cwl:GROUP (CloudWatch Logs).", unsupported.KeywordSpan);
        }

        QueryRules.Check(_syntax);
        foreach (var command in _syntax.Commands)
        {
            switch (command)
            {
                case FilterCommand f:
                    if (_stages.All(s => s is FilterStage))
                    {
                        // Fields that leading filters require and no earlier command defined: events without their key can be skipped unparsed.
                        _prefilterFields.AddRange(RequiredFields.Of(Rewrite(f.Condition)).Where(IsEventField));
                    }

                    _stages.Add(new FilterStage(CompileRead(f.Condition)));
                    break;
                case FieldsCommand f:
                    AddProjection(f.Items, display: false);
                    break;
                case DisplayCommand d:
                    AddProjection(d.Items, display: true);
                    break;
                case ParseCommand p:
                    AddParse(p);
                    break;
                case SortCommand s:
                    {
                        var keys = s.Keys.Select(k => CompileScalarRead(k.Expression, "sort")).ToArray();
                        _stages.Add(new SortStage(keys, [.. s.Keys.Select(k => k.Descending)], 0));
                        break;
                    }

                case LimitCommand l:
                    _stages.Add(new LimitStage(l.Count));
                    _lastLimit = l.Count;
                    break;
                case DedupCommand d:
                    foreach (var f in d.Fields.Where(f => _mayBeStructured.Contains(f.Name) || !ReferenceEquals(Rewrite(f), f)))
                    {
                        throw new InsightsCompileException(
                            $"dedup cannot use '{f.Name}': maps and lists (jsonParse, split) and their members are not allowed in dedup; assign a member first (fields j.key as k | dedup k).", f.Span);
                    }

                    _stages.Add(new DedupStage([.. d.Fields.Select(f => { NoteRead(f); return _slots.GetOrAdd(f.Name); })]));
                    break;
                case StatsCommand s:
                    AddStats(s);
                    break;
            }
        }

        if (!_explicitColumns)
        {
            _visible.InsertRange(0, [SystemFields.Timestamp, SystemFields.Message]);
        }

        if (!_statsSeen)
        {
            foreach (var name in _visible)
            {
                NoteRead(FieldExpression.Simple(name, default));
            }
        }

        return Plan();
    }

    private QueryPlan Plan()
    {
        var blocking = _stages.FindIndex(s => s is StatsStage or DedupStage or LimitStage);
        var streaming = blocking < 0 ? _stages : _stages.Take(blocking).ToList();

        // Sort keys captured while streaming: the last sort is the most significant, earlier sorts break its ties.
        var sorts = streaming.OfType<SortStage>().ToList();
        var directions = new List<bool>();
        var offsets = new Dictionary<SortStage, int>();
        for (var i = sorts.Count - 1; i >= 0; i--)
        {
            offsets[sorts[i]] = directions.Count;
            directions.AddRange(sorts[i].Descending);
        }

        streaming = [.. streaming.Select(s => s is SortStage ss ? ss with { Offset = offsets[ss] } : s)];
        var order = new RowOrder([.. directions]);
        var messageSlot = _slots.GetOrAdd(SystemFields.Message);
        Action<Row>? beforeKeep = _systemReads.Contains(SystemFields.Message) || _visible.Contains(SystemFields.Message)
            ? row => row.Message(messageSlot)
            : null;
        var outputLimit = _lastLimit ?? InsightsLimits.DefaultLimit;
        var slotCount = _slots.Count;
        Func<RowCollector> collector;
        IReadOnlyList<Stage> rest;
        switch (blocking < 0 ? null : _stages[blocking])
        {
            case StatsStage st:
                collector = () => new StatsCollector(st.Plan, _slots.Count);
                rest = _stages.Skip(blocking + 1).ToList();
                break;
            case DedupStage d:
                {
                    var cap = _lastLimit ?? InsightsLimits.DefaultLimit;
                    collector = () => new DedupCollector(order, d.Slots, cap, beforeKeep);
                    rest = _stages.Skip(blocking + 1).ToList();
                    break;
                }

            case LimitStage l:
                collector = () => new TopRowsCollector(order, l.Count, beforeKeep);
                rest = _stages.Skip(blocking + 1).ToList();
                break;
            default:
                collector = () => new TopRowsCollector(order, InsightsLimits.DefaultLimit, beforeKeep);
                rest = [];
                break;
        }

        var extractor = new JsonFieldExtractor();
        foreach (var (name, field) in _jsonReads)
        {
            extractor.Add(JsonPath(field), _slots.GetOrAdd(name));
        }

        var needsTimestamp = !_statsSeen || !_context.Range.IsUnbounded || _usesTimeAggregates || _systemReads.Contains(SystemFields.Timestamp);
        int[] timestampSources = [];
        if (needsTimestamp)
        {
            var eventTime = _slots.GetOrAdd(EventTimeSource);
            var atTimestamp = _slots.GetOrAdd(AtTimestampSource);
            extractor.Add(["eventTime"], eventTime, asTimestamp: true);
            extractor.Add(["@timestamp"], atTimestamp, asTimestamp: true);
            timestampSources = [eventTime, atTimestamp];
        }

        var contextFields = new[] { SystemFields.LogStream, SystemFields.Log, SystemFields.IngestionTime }
            .Where(n => _systemReads.Contains(n) || (!_statsSeen && _visible.Contains(n)))
            .Select(n => (_slots.GetOrAdd(n), n))
            .ToArray();
        var columns = _visible.Distinct(StringComparer.Ordinal).Select(n => (n, _compiler.Field(n))).ToArray();
        var prefilter = _prefilterFields
            .Select(f => JsonPath(f)[^1])
            .Where(key => !key.All(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal)
            .Select(key => System.Text.Encoding.UTF8.GetBytes(key + "\""))
            .ToArray();
        _ = slotCount;
        return new QueryPlan
        {
            Slots = _slots,
            Extractor = extractor,
            TimestampSourceSlots = timestampSources,
            NeedsTimestamp = needsTimestamp,
            ContextFields = contextFields,
            Streaming = streaming,
            CreateCollector = collector,
            Rest = rest,
            Columns = columns,
            AppendPointer = !_statsSeen,
            OutputLimit = outputLimit,
            SortKeyCount = directions.Count,
            PrefilterKeys = prefilter,
            RequiredKeys = _prefilterFields.Count > 0 ? new RequiredKeys(_prefilterFields.Select(JsonPath)) : null,
        };
    }

    private void AddProjection(IReadOnlyList<ProjectionItem> items, bool display)
    {
        var slots = new List<int>();
        var values = new List<Evaluator>();
        var kinds = new List<(string Name, bool May, bool Certain)>();
        foreach (var item in items)
        {
            var rewritten = Rewrite(item.Expression);
            var isPlainField = rewritten is FieldExpression && item.Alias is null;
            if (isPlainField)
            {
                NoteRead((FieldExpression)rewritten);
            }
            else
            {
                values.Add(CompileRead(item.Expression));
                slots.Add(_slots.GetOrAdd(item.Name));
            }

            kinds.Add((item.Name, MayBeStructured(rewritten), IsCertainlyStructured(rewritten)));
        }

        foreach (var (name, may, certain) in kinds)
        {
            _defined.Add(name);
            SetStructured(_mayBeStructured, name, may);
            SetStructured(_certainlyStructured, name, certain);
        }

        if (slots.Count > 0)
        {
            _stages.Add(new AssignStage([.. slots], [.. values]));
        }

        if (display)
        {
            _visible.Clear();
        }

        _visible.AddRange(items.Select(i => i.Name).Where(n => !_visible.Contains(n)));
        _explicitColumns = true;
    }

    private void AddParse(ParseCommand p)
    {
        var source = CompileRead(p.Source);
        System.Text.RegularExpressions.Regex regex;
        int[] groups;
        string[] names;
        if (p.Glob is not null)
        {
            regex = GlobPattern.ToRegex(p.Glob);
            groups = [.. Enumerable.Range(1, p.Aliases.Count)];
            names = [.. p.Aliases];
        }
        else
        {
            regex = InsightsRegex.Create(p.Regex!, p.PatternSpan);
            var named = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
            var unnamed = regex.GetGroupNumbers().Where(n => n != 0 && regex.GroupNameFromNumber(n) == n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (p.Aliases.Count > 0)
            {
                if (p.Aliases.Count != unnamed.Length)
                {
                    throw new InsightsCompileException(
                        $"this regex has {unnamed.Length} unnamed group(s) but {p.Aliases.Count} name(s) after 'as': the counts must match (or use named groups (?<name>…)).", p.PatternSpan);
                }

                groups = [.. unnamed, .. named.Select(regex.GroupNumberFromName)];
                names = [.. p.Aliases, .. named];
            }
            else
            {
                if (named.Length == 0)
                {
                    throw new InsightsCompileException("a parse regex needs named groups, e.g. /user=(?<user>\\S+)/.", p.PatternSpan);
                }

                groups = [.. named.Select(regex.GroupNumberFromName)];
                names = named;
            }
        }

        _stages.Add(new ParseStage(source, regex, groups, [.. names.Select(_slots.GetOrAdd)]));
        foreach (var n in names)
        {
            _defined.Add(n);
            _mayBeStructured.Remove(n);
            _certainlyStructured.Remove(n);
            if (!_visible.Contains(n))
            {
                _visible.Add(n);
            }
        }

        _explicitColumns = true;
    }

    [SuppressMessage("Globalization", "CA1308", Justification = "function names are ASCII identifiers")]
    private void AddStats(StatsCommand s)
    {
        var statsIndex = _statsCount++;
        var calls = new List<CallExpression>();
        var extractor = new AggregateExtractor(calls);
        var ownAliases = new HashSet<string>(StringComparer.Ordinal);
        var outputs = new List<Expression>();
        foreach (var item in s.Aggregations)
        {
            var rewritten = extractor.Rewrite(Rewrite(item.Expression));
            if (!AggregateExtractor.ContainsAggregate(item.Expression)
                && FieldReferences.Of(item.Expression).FirstOrDefault(f => !ownAliases.Contains(f.Name)) is { } stray)
            {
                throw new InsightsCompileException(
                    $"'{item.Text}' in stats must be an aggregate (count, sum, avg, …) or use earlier aliases of this stats; '{stray.Name}' is neither. Group by it with 'by {stray.Name}'.",
                    stray.Span);
            }

            outputs.Add(rewritten);
            if (item.Alias is not null)
            {
                ownAliases.Add(item.Alias);
            }
        }

        foreach (var item in s.GroupBy)
        {
            if (AggregateExtractor.ContainsAggregate(item.Expression))
            {
                throw new InsightsCompileException("'by' groups by fields or bin(); aggregates belong before 'by'.", item.Expression.Span);
            }
        }

        var groupKeys = s.GroupBy.Select(g => CompileScalarRead(g.Expression, "stats … by")).ToArray();
        var aggregateCalls = calls.Select(CompileAggregate).ToArray();
        var aggregateSlots = calls.Select((_, i) => _slots.GetOrAdd($"#stats{statsIndex}.{i}")).ToArray();
        var outputCompiler = new ExpressionCompiler(_slots, _context, i => aggregateSlots[i]);
        var outputEvaluators = outputs.Select(outputCompiler.Compile).ToArray();
        var plan = new StatsPlan(
            groupKeys,
            [.. s.GroupBy.Select(g => _slots.GetOrAdd(g.Name))],
            aggregateCalls,
            aggregateSlots,
            [.. s.Aggregations.Select(a => _slots.GetOrAdd(a.Name))],
            outputEvaluators);
        _stages.Add(new StatsStage(plan));

        _statsSeen = true;
        _mayBeStructured.Clear();
        _certainlyStructured.Clear();
        _defined.Clear();
        _defined.UnionWith(s.GroupBy.Concat(s.Aggregations).Select(i => i.Name));
        _visible.Clear();
        _visible.AddRange(s.GroupBy.Concat(s.Aggregations).Select(i => i.Name).Distinct(StringComparer.Ordinal));
        _explicitColumns = true;
    }

    [SuppressMessage("Globalization", "CA1308", Justification = "function names are ASCII identifiers")]
    private AggregateCall CompileAggregate(CallExpression call)
    {
        var name = Aggregators.Canonical(call.Name);
        var args = call.Arguments;
        if (name is "earliest" or "latest")
        {
            _usesTimeAggregates = true;
        }

        if (name == "count")
        {
            if (args.Count == 0 || (args.Count == 1 && args[0] is StarExpression))
            {
                return new AggregateCall(name, null, 0);
            }

            if (args.Count == 1)
            {
                return new AggregateCall(name, CompileScalarRead(args[0], "stats"), 0);
            }

            throw new InsightsCompileException("count() takes one field, or * for every event.", call.Span);
        }

        if (name == "pct")
        {
            if (args.Count != 2 || args[1] is not ConstantExpression { Value.Kind: ValueKind.Number } p || p.Value.Number is < 0 or > 100)
            {
                throw new InsightsCompileException("pct() takes a field and a percentile from 0 to 100, e.g. pct(@duration, 95).", call.Span);
            }

            return new AggregateCall(name, CompileScalarRead(args[0], "stats"), p.Value.Number);
        }

        if (args.Count != 1 || args[0] is StarExpression)
        {
            throw new InsightsCompileException($"{name}() takes one field or expression.", call.Span);
        }

        return new AggregateCall(name, CompileScalarRead(args[0], "stats"), 0);
    }

    private Evaluator CompileRead(Expression expression)
    {
        var rewritten = Rewrite(expression);
        foreach (var field in FieldReferences.Of(rewritten))
        {
            NoteRead(field);
        }

        return _compiler.Compile(rewritten);
    }

    private Expression Rewrite(Expression expression)
    {
        var rewritten = BinRewriter.Instance.Rewrite(NegatedMatchRewriter.Instance.Rewrite(expression));
        return _mayBeStructured.Count == 0 ? rewritten : new StructuredFieldRewriter(_mayBeStructured).Rewrite(rewritten);
    }

    // Maps and lists are not allowed in sort and stats (documented): refused when certain, and read as missing when
    // only possible (a member may be a map), so they never reach an ordering or a group key. Queries without
    // jsonParse pay nothing.
    private Evaluator CompileScalarRead(Expression expression, string where)
    {
        var rewritten = Rewrite(expression);
        if (IsCertainlyStructured(rewritten))
        {
            throw new InsightsCompileException(
                $"maps and lists (jsonParse, split) are not allowed in {where}; use a member (x.key, x[0]) or jsonStringify(x).", expression.Span);
        }

        var read = CompileRead(expression);
        if (!MayBeStructured(rewritten))
        {
            return read;
        }

        return row =>
        {
            var value = read(row);
            return value.IsStructure ? Value.Missing : value;
        };
    }

    private bool MayBeStructured(Expression e) => e switch
    {
        AccessorExpression => true,
        FieldExpression f => _mayBeStructured.Contains(f.Name),
        CallExpression c when IsStructureCall(c) => true,
        CallExpression c when c.Name.ToUpperInvariant() is "IF" or "COALESCE" or "CASE" or "GREATEST" or "LEAST" => c.Arguments.Any(MayBeStructured),
        _ => false,
    };

    private bool IsCertainlyStructured(Expression e) => e switch
    {
        FieldExpression f => _certainlyStructured.Contains(f.Name),
        CallExpression c => IsStructureCall(c),
        _ => false,
    };

    private static bool IsStructureCall(CallExpression c) =>
        c.Name.Equals("jsonParse", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("split", StringComparison.OrdinalIgnoreCase);

    private static void SetStructured(HashSet<string> set, string name, bool structured)
    {
        if (structured)
        {
            set.Add(name);
        }
        else
        {
            set.Remove(name);
        }
    }

    private void NoteRead(FieldExpression field)
    {
        var name = field.Name;
        if (SystemFields.All.Contains(name))
        {
            _systemReads.Add(name);
            return;
        }

        if (_statsSeen || _defined.Contains(name) || (name.StartsWith('@') && !name.StartsWith("@@", StringComparison.Ordinal)))
        {
            return;
        }

        _jsonReads.TryAdd(name, field);
    }

    private bool IsEventField(FieldExpression field) =>
        !_defined.Contains(field.Name) && !SystemFields.All.Contains(field.Name)
        && (!field.Name.StartsWith('@') || field.Name.StartsWith("@@", StringComparison.Ordinal));

    // A discovered field whose JSON key starts with '@' is shown with one more '@': @@timestamp is the key "@timestamp".
    private static IReadOnlyList<string> JsonPath(FieldExpression field)
    {
        var segments = field.Segments.ToList();
        if (segments[0].StartsWith("@@", StringComparison.Ordinal))
        {
            segments[0] = segments[0][1..];
        }

        return segments;
    }
}
