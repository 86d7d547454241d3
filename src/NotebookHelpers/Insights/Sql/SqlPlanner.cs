using System.Globalization;
using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Compilation;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// Plans a bound Logs Insights query as one SELECT: the commands before <c>stats</c> become the WHERE clause (aliases
/// defined by <c>fields</c> are inlined where they are read), <c>stats</c> becomes GROUP BY in a subquery that later
/// <c>filter</c>/<c>fields</c>/<c>sort</c> read by column, and <c>sort</c>/<c>limit</c>/<c>dedup</c> become the order
/// the result shaper applies (SQL orders and limits too when that is exact). What SQL cannot express is refused by
/// name: <c>parse</c>, a second <c>stats</c>, commands after <c>limit</c>, and the commands the offline engine does
/// not run either.
/// </summary>
internal sealed class SqlPlanner
{
    private readonly QuerySyntax _syntax;
    private readonly SqlExpressionWriter _writer;
    private readonly TimeRange _range;
    private readonly Dictionary<string, Expression> _defined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldExpression> _fields = new(StringComparer.Ordinal);
    private readonly List<Expression> _filters = [];
    private readonly List<Expression> _postFilters = [];
    private readonly List<string> _visible = [];
    private readonly List<(Expression Expression, bool Descending)> _sort = [];
    private List<FieldExpression> _dedup = [];
    private StatsCommand? _stats;
    private List<(string Name, Expression Expression)> _groupKeys = [];
    private List<(string Name, Expression Expression)> _aggregates = [];
    private bool _explicitColumns;
    private bool _afterLimit;
    private int? _limit;

    private SqlPlanner(QuerySyntax syntax, SqlSource source, TimeRange range)
    {
        _syntax = syntax;
        _writer = new SqlExpressionWriter(source, syntax);
        _range = range;
    }

    public static SqlQuery Plan(QuerySyntax syntax, SqlSource source, TimeRange range) =>
        new SqlPlanner(syntax, source, range).Build();

    private SqlDialect Dialect => _writer.Dialect;

    private SqlQuery Build()
    {
        foreach (var command in _syntax.Commands)
        {
            if (_afterLimit && command is not (FieldsCommand or DisplayCommand))
            {
                throw Refuse(command.Keyword, $"`{command.Keyword}` after `limit` has no SQL rendering here; move it before the limit.", command.KeywordSpan);
            }

            switch (command)
            {
                case UnsupportedCommand u:
                    throw Refuse(u.Keyword, $"`{u.Keyword}` has no SQL rendering (it runs only on CloudWatch Logs).", u.KeywordSpan);
                case ParseCommand p:
                    throw Refuse("parse", "`parse` has no SQL rendering yet; filter with like /regex/ instead, or run the query offline.", p.KeywordSpan);
                case FilterCommand f:
                    (_stats is null ? _filters : _postFilters).Add(Resolve(f.Condition));
                    break;
                case FieldsCommand f:
                    Project(f.Items, display: false);
                    break;
                case DisplayCommand d:
                    Project(d.Items, display: true);
                    break;
                case SortCommand s:
                    // The last sort is the most significant; an earlier one breaks its ties.
                    _sort.InsertRange(0, s.Keys.Select(k => (Resolve(k.Expression), k.Descending)));
                    break;
                case LimitCommand l:
                    _limit = l.Count;
                    _afterLimit = true;
                    break;
                case DedupCommand d:
                    _dedup = [.. d.Fields];
                    break;
                case StatsCommand s:
                    if (_stats is not null)
                    {
                        throw Refuse("stats", "a second `stats` has no SQL rendering here; run the query offline.", s.KeywordSpan);
                    }

                    if (_dedup.Count > 0)
                    {
                        throw Refuse("dedup", "`dedup` before `stats` has no SQL rendering here.", s.KeywordSpan);
                    }

                    AddStats(s);
                    break;
            }
        }

        return _stats is null ? RowQuery() : AggregateQuery();
    }

    private SqlNotSupportedException Refuse(string construct, string reason, TextSpan span) => _writer.Refuse(construct, reason, span);

    private Expression Resolve(Expression expression)
    {
        return new AliasInliner(this).Rewrite(NegatedMatchRewriter.Instance.Rewrite(expression));
    }

    private void Project(IReadOnlyList<ProjectionItem> items, bool display)
    {
        var resolved = items.Select(i => (Item: i, Expression: Resolve(i.Expression))).ToList();
        foreach (var (item, expression) in resolved)
        {
            if (item.Alias is null && item.Expression is FieldExpression field)
            {
                // A plain field shows the event's field, or what an earlier alias of that name assigned.
                _fields.TryAdd(field.Name, field);
            }
            else
            {
                _defined[item.Name] = expression;
            }
        }

        if (display)
        {
            _visible.Clear();
        }

        _visible.AddRange(items.Select(i => i.Name).Where(n => !_visible.Contains(n)));
        _explicitColumns = true;
    }

    private void AddStats(StatsCommand s)
    {
        _sort.Clear();
        _groupKeys = [.. s.GroupBy.Select(g => (g.Name, Resolve(g.Expression)))];
        var own = new Dictionary<string, Expression>(StringComparer.Ordinal);
        foreach (var item in s.Aggregations)
        {
            var expression = new OwnAliasInliner(own).Rewrite(Resolve(item.Expression));
            _aggregates.Add((item.Name, expression));
            if (item.Alias is not null)
            {
                own[item.Alias] = expression;
            }
        }

        _stats = s;

        // After stats only its columns exist: group keys first, then the items, in the order written.
        _defined.Clear();
        _visible.Clear();
        var index = 0;
        foreach (var (name, expression) in _groupKeys)
        {
            _defined[name] = new StatsColumnExpression("g" + index++.ToString(CultureInfo.InvariantCulture), GroupKind(expression), default);
            _visible.Add(name);
        }

        index = 0;
        foreach (var (name, expression) in _aggregates)
        {
            _defined[name] = new StatsColumnExpression("a" + index++.ToString(CultureInfo.InvariantCulture), AggregateKind(expression), default);
            if (!_visible.Contains(name))
            {
                _visible.Add(name);
            }
        }

        _explicitColumns = true;
    }

    private SqlValueKind GroupKind(Expression expression) => _writer.Write(expression).Kind;

    private SqlValueKind AggregateKind(Expression expression)
    {
        _writer.AllowAggregates = true;
        try
        {
            return _writer.Write(expression).Kind;
        }
        finally
        {
            _writer.AllowAggregates = false;
        }
    }

    private string Where(IEnumerable<Expression> filters, bool withRange)
    {
        var conditions = new List<string>();
        if (withRange)
        {
            var t = _writer.TimestampSql;
            if (_range.Start is { } start)
            {
                conditions.Add($"{t} >= {SqlExpressionWriter.NumberLiteral(start.ToUnixTimeMilliseconds())}");
            }

            if (_range.End is { } end)
            {
                conditions.Add($"{t} <= {SqlExpressionWriter.NumberLiteral(end.ToUnixTimeMilliseconds())}");
            }

            if (!_range.IsUnbounded)
            {
                conditions[0] = $"{t} IS NOT NULL AND " + conditions[0];
            }

            if (_writer.PartitionPredicate is { } partitions)
            {
                conditions.Add(partitions);
            }
        }

        conditions.AddRange(filters.Select(f => _writer.Condition(_writer.Write(f))));
        return conditions.Count == 0 ? string.Empty : "\nWHERE " + string.Join("\n  AND ", conditions);
    }

    private SqlQuery RowQuery()
    {
        if (!_explicitColumns)
        {
            _visible.InsertRange(0, [SystemFields.Timestamp, SystemFields.Message]);
        }

        var select = new List<string>();
        var columns = new List<SqlColumn>();
        foreach (var name in _visible)
        {
            var e = _writer.Write(Lookup(name));
            var alias = "c" + columns.Count.ToString(CultureInfo.InvariantCulture);
            columns.Add(new SqlColumn(name, alias, e.Kind));
            select.Add($"{e.Sql} AS {SqlExpressionWriter.Quote(alias)}");
        }

        var sortKeys = SortKeys(select, _sort.Count == 0 ? [(new FieldExpression(SystemFields.Timestamp, [SystemFields.Timestamp], default), true)] : _sort);
        var dedup = DedupKeys(select);
        var order = new SqlColumn("#order", "__ord", Dialect == SqlDialect.Trino ? SqlValueKind.Text : SqlValueKind.Number);
        var pointer = new SqlColumn(SystemFields.Pointer, "__ptr", SqlValueKind.Text);
        select.Add($"{_writer.OrderSql} AS {SqlExpressionWriter.Quote(order.SqlName)}");
        select.Add($"{_writer.PointerSql} AS {SqlExpressionWriter.Quote(pointer.SqlName)}");
        var limit = _limit ?? InsightsLimits.DefaultLimit;
        var exact = dedup.Count == 0 && sortKeys.All(k => k.Column.Kind is SqlValueKind.Number or SqlValueKind.Timestamp);
        var sql = new StringBuilder("SELECT ").Append(string.Join(",\n  ", select))
            .Append("\nFROM ").Append(_writer.Relation)
            .Append(Where(_filters, withRange: true));
        if (exact)
        {
            sql.Append("\nORDER BY ").Append(string.Join(", ", sortKeys.Select(k => $"{SqlExpressionWriter.Quote(k.Column.SqlName)} {(k.Descending ? "DESC" : "ASC")} NULLS LAST")))
                .Append(", ").Append(SqlExpressionWriter.Quote(order.SqlName)).Append(" ASC")
                .Append("\nLIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        }

        return new SqlQuery(Dialect, sql.ToString(), Statistics(_filters))
        {
            Columns = columns,
            SortKeys = sortKeys,
            InputOrder = order,
            Pointer = pointer,
            DedupColumns = dedup,
            Limit = limit,
            OrderedBySql = exact,
        };
    }

    private SqlQuery AggregateQuery()
    {
        var inner = new List<string>();
        var groups = new List<SqlColumn>();
        for (var i = 0; i < _groupKeys.Count; i++)
        {
            var e = _writer.Write(_groupKeys[i].Expression);
            var alias = "g" + i.ToString(CultureInfo.InvariantCulture);
            inner.Add($"{e.Sql} AS {SqlExpressionWriter.Quote(alias)}");
            groups.Add(new SqlColumn(_groupKeys[i].Name, alias, e.Kind));
        }

        _writer.AllowAggregates = true;
        try
        {
            for (var i = 0; i < _aggregates.Count; i++)
            {
                inner.Add($"{_writer.Write(_aggregates[i].Expression).Sql} AS {SqlExpressionWriter.Quote("a" + i.ToString(CultureInfo.InvariantCulture))}");
            }
        }
        finally
        {
            _writer.AllowAggregates = false;
        }

        var innerSql = new StringBuilder("SELECT ").Append(string.Join(",\n    ", inner))
            .Append("\n  FROM ").Append(_writer.Relation)
            .Append(Where(_filters, withRange: true).Replace("\n", "\n  ", StringComparison.Ordinal));
        if (groups.Count > 0)
        {
            innerSql.Append("\n  GROUP BY ").Append(string.Join(", ", Enumerable.Range(1, groups.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        }

        var select = new List<string>();
        var columns = new List<SqlColumn>();
        foreach (var name in _visible)
        {
            var e = _writer.Write(Lookup(name));
            var alias = "c" + columns.Count.ToString(CultureInfo.InvariantCulture);
            columns.Add(new SqlColumn(name, alias, e.Kind));
            select.Add($"{e.Sql} AS {SqlExpressionWriter.Quote(alias)}");
        }

        // The groups' first order is their keys ascending (the shaper applies it), then the query's sorts.
        var groupKeys = groups.Select(g => new SqlColumn(g.Name, "__g" + g.SqlName[1..], g.Kind)).ToList();
        foreach (var (g, hidden) in groups.Zip(groupKeys))
        {
            select.Add($"{SqlExpressionWriter.Quote(g.SqlName)} AS {SqlExpressionWriter.Quote(hidden.SqlName)}");
        }

        var sortKeys = SortKeys(select, _sort);
        var dedup = DedupKeys(select);
        var sql = new StringBuilder("SELECT ").Append(string.Join(",\n  ", select))
            .Append("\nFROM (\n  ").Append(innerSql).Append("\n) AS s")
            .Append(Where(_postFilters, withRange: false));
        return new SqlQuery(Dialect, sql.ToString(), Statistics(_filters))
        {
            Columns = columns,
            IsAggregate = true,
            GroupKeys = groupKeys,
            SortKeys = sortKeys,
            DedupColumns = dedup,
            Limit = _limit ?? InsightsLimits.DefaultLimit,
        };
    }

    private List<SqlSortKey> SortKeys(List<string> select, IReadOnlyList<(Expression Expression, bool Descending)> sort)
    {
        var keys = new List<SqlSortKey>();
        foreach (var (expression, descending) in sort)
        {
            var e = _writer.Write(expression);
            var column = new SqlColumn("#sort", "__k" + keys.Count.ToString(CultureInfo.InvariantCulture), e.Kind);
            select.Add($"{e.Sql} AS {SqlExpressionWriter.Quote(column.SqlName)}");
            keys.Add(new SqlSortKey(column, descending));
        }

        return keys;
    }

    private List<SqlColumn> DedupKeys(List<string> select)
    {
        var keys = new List<SqlColumn>();
        foreach (var field in _dedup)
        {
            var e = _writer.Write(Lookup(field.Name, field));
            var column = new SqlColumn(field.Name, "__d" + keys.Count.ToString(CultureInfo.InvariantCulture), e.Kind);
            select.Add($"{e.Sql} AS {SqlExpressionWriter.Quote(column.SqlName)}");
            keys.Add(column);
        }

        return keys;
    }

    private Expression Lookup(string name, FieldExpression? written = null) =>
        _defined.TryGetValue(name, out var e) ? e
        : _stats is not null ? new ConstantExpression(Value.Missing, written?.Span ?? default)
        : Resolve(written ?? (_fields.TryGetValue(name, out var f) ? f : FieldExpression.Simple(name, default)));

    private string Statistics(IReadOnlyList<Expression> matched)
    {
        var condition = matched.Count == 0 ? "true" : string.Join(" AND ", matched.Select(f => _writer.Condition(_writer.Write(f))));
        var bytes = _writer.BytesSql is { } b ? $"coalesce(sum({b}), 0)" : "CAST(NULL AS BIGINT)";
        return $"SELECT count(*) AS \"recordsScanned\", count_if({condition}) AS \"recordsMatched\", {bytes} AS \"bytesScanned\"\nFROM {_writer.Relation}{Where([], withRange: true)}";
    }

    /// <summary>Replaces a field read by the expression an earlier command assigned to its name.</summary>
    private sealed class AliasInliner(SqlPlanner planner) : ExpressionRewriter
    {
        protected override Expression RewriteField(FieldExpression node)
        {
            if (planner._defined.TryGetValue(node.Name, out var e))
            {
                return e;
            }

            return planner._stats is not null ? new ConstantExpression(Value.Missing, node.Span) : node;
        }

        protected override Expression RewriteAccessor(AccessorExpression node) =>
            throw planner.Refuse(planner._syntax.TextOf(node.Span), "map and list members (jsonParse, split) have no SQL rendering.", node.Span);
    }

    /// <summary>Inside one stats command, an item may reuse an earlier item's alias.</summary>
    private sealed class OwnAliasInliner(Dictionary<string, Expression> own) : ExpressionRewriter
    {
        protected override Expression RewriteField(FieldExpression node) => own.TryGetValue(node.Name, out var e) ? e : node;
    }
}
