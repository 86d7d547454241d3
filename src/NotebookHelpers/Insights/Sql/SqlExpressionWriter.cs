using System.Globalization;
using System.Text;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// Renders one Logs Insights expression (after the planner has inlined aliases) as SQL of a dialect, keeping the
/// offline engine's semantics where SQL can (docs/athena.md): missing values are NULL, conditions are two-valued
/// (a comparison with a missing side is false, <c>!=</c> its complement), numeric comparison when a side is a
/// number, substring <c>like</c>, and refusing by name what the dialect cannot say.
/// </summary>
internal sealed class SqlExpressionWriter
{
    private readonly SqlSource _source;
    private readonly QuerySyntax _syntax;

    public SqlExpressionWriter(SqlSource source, QuerySyntax syntax)
    {
        _source = source;
        _syntax = syntax;
    }

    public SqlDialect Dialect => _source.Dialect;

    /// <summary>True while rendering the items of a <c>stats</c> command.</summary>
    public bool AllowAggregates { get; set; }

    private bool IsTrino => Dialect == SqlDialect.Trino;

    /// <summary>The relation after FROM.</summary>
    public string Relation => _source.Relation;

    /// <summary>The source's condition on its partition columns, or null.</summary>
    public string? PartitionPredicate => _source.PartitionPredicate;

    /// <summary>The event time in epoch milliseconds.</summary>
    public string TimestampSql => IsTrino
        ? "(to_unixtime(from_iso8601_timestamp(eventtime)) * 1000)"
        : StagedEventColumns.Timestamp;

    /// <summary>The input order (ties in a sort go to the earlier record).</summary>
    public string OrderSql => IsTrino ? "eventid" : StagedEventColumns.Order;

    /// <summary>The record's <c>@ptr</c>.</summary>
    public string PointerSql => IsTrino ? "concat(\"$path\", '#', coalesce(eventid, ''))" : StagedEventColumns.Pointer;

    /// <summary>The bytes of a record as stored, or null when the source cannot say (Athena reports its own).</summary>
    public string? BytesSql => IsTrino ? null : StagedEventColumns.Bytes;

    public SqlNotSupportedException Refuse(string construct, string reason, TextSpan span) =>
        new(construct, Dialect, reason, _syntax.Text, span.Start, span.Length);

    public SqlExpr Write(Expression expression) => expression switch
    {
        StatsColumnExpression s => StatsColumn(s),
        ConstantExpression c => Constant(c.Value, c.Span),
        FieldExpression f => Field(f),
        BinaryExpression b => Binary(b),
        UnaryExpression u => Unary(u),
        CallExpression c => Call(c),
        PeriodExpression p => throw Refuse(p.Period.ToString(), "a time period is only an argument of bin(), datefloor() or dateceil().", p.Span),
        _ => throw Refuse(_syntax.TextOf(expression.Span), "this expression has no SQL rendering.", expression.Span),
    };

    // A stats column holding a JSON scalar is read as text by unwrapping its JSON ("abc" → abc).
    private SqlExpr StatsColumn(StatsColumnExpression s)
    {
        var column = Quote(s.Column);
        return s.Kind == SqlValueKind.Json
            ? new SqlExpr(column, s.Kind, IsTrino ? $"json_extract_scalar({column}, '$')" : $"json_extract_string({column}, '$')")
            : new SqlExpr(column, s.Kind);
    }

    /// <summary>The expression as a two-valued SQL condition (Logs Insights truthiness).</summary>
    public string Condition(SqlExpr e) => e.Kind switch
    {
        SqlValueKind.Boolean => e.Sql,
        SqlValueKind.Number => $"coalesce({e.Sql} <> 0, false)",
        SqlValueKind.Timestamp => $"({e.Sql} IS NOT NULL)",
        _ => $"coalesce(lower({Text(e)}) = 'true' OR {TryDouble(Text(e))} <> 0, false)",
    };

    /// <summary>The value as VARCHAR text.</summary>
    public string Text(SqlExpr e) => e.Kind switch
    {
        SqlValueKind.Text => e.Sql,
        SqlValueKind.Json => e.TextSql ?? e.Sql,
        SqlValueKind.Boolean => $"(CASE WHEN {e.Sql} THEN '1' ELSE '0' END)",
        SqlValueKind.Number when e.Constant is { } v => Literal(Coerce.ToText(v) ?? string.Empty),
        SqlValueKind.Number => $"CAST({e.Sql} AS VARCHAR)",
        _ => throw new SqlNotSupportedException($"{SqlNotSupportedException.DialectName(Dialect)}: a timestamp used as text has no SQL rendering; compare it with a number of epoch milliseconds."),
    };

    /// <summary>The value as a DOUBLE (NULL when it is not a number).</summary>
    public string Number(SqlExpr e) => e.Kind switch
    {
        SqlValueKind.Number or SqlValueKind.Timestamp => e.Sql,
        SqlValueKind.Boolean => $"(CASE WHEN {e.Sql} THEN 1E0 ELSE 0E0 END)",

        // A JSON boolean is the number 1 or 0 (its JSON text is unquoted, unlike the string "true").
        SqlValueKind.Json when e.TextSql is not null => $"(CASE CAST({e.Sql} AS VARCHAR) WHEN 'true' THEN 1E0 WHEN 'false' THEN 0E0 ELSE {TryDouble(Text(e))} END)",
        _ => TryDouble(Text(e)),
    };

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string NumberLiteral(double n)
    {
        var text = n.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text : text + "E0";
    }

    private static string TryDouble(string sql) => $"TRY_CAST({sql} AS DOUBLE)";

    private SqlExpr Constant(Value value, TextSpan span) => value.Kind switch
    {
        ValueKind.String => new SqlExpr(Literal(value.RawText!), SqlValueKind.Text, Constant: value),
        ValueKind.Number => new SqlExpr(NumberLiteral(value.Number), SqlValueKind.Number, Constant: value),
        ValueKind.Boolean => new SqlExpr(value.Number != 0 ? "true" : "false", SqlValueKind.Boolean, Constant: value),
        ValueKind.Timestamp => new SqlExpr(NumberLiteral(value.Number), SqlValueKind.Timestamp, Constant: value),
        ValueKind.Missing => SqlExpr.Null,
        _ => throw Refuse(_syntax.TextOf(span), "maps and lists have no SQL rendering.", span),
    };

    private SqlExpr Field(FieldExpression f)
    {
        switch (f.Name)
        {
            case SystemFields.Timestamp:
                return new SqlExpr(TimestampSql, SqlValueKind.Timestamp);
            case SystemFields.Message when !IsTrino:
                return new SqlExpr(StagedEventColumns.Message, SqlValueKind.Text);
            case SystemFields.Message:
                throw Refuse(f.Name, "the CloudTrail table has no column with the record's raw text; name the fields to show (fields eventName, …) or match a field instead of @message.", f.Span);
            case SystemFields.Pointer:
                return new SqlExpr(PointerSql, SqlValueKind.Text);
        }

        if (SystemFields.All.Contains(f.Name))
        {
            throw Refuse(f.Name, $"{f.Name} comes from CloudWatch Logs, which a trail's files do not have.", f.Span);
        }

        if (f.Name.StartsWith('@') && !f.Name.StartsWith("@@", StringComparison.Ordinal))
        {
            // A single-@ name that no command defined never comes from the event (docs/logs-insights-semantics.md).
            return SqlExpr.Null;
        }

        var segments = f.Segments.ToList();
        if (segments[0].StartsWith("@@", StringComparison.Ordinal))
        {
            segments[0] = segments[0][1..];
        }

        return IsTrino ? TrinoField(f, segments) : DuckDbField(segments);
    }

    private static SqlExpr DuckDbField(IReadOnlyList<string> segments)
    {
        var path = Literal(DuckDbJsonPath(segments));
        var json = $"json_value({StagedEventColumns.Message}, {path})";
        return new SqlExpr(json, SqlValueKind.Json, $"json_extract_string({json}, '$')");
    }

    private SqlExpr TrinoField(FieldExpression f, IReadOnlyList<string> segments)
    {
        var column = segments[0];
        var rest = segments.Skip(1).ToList();
        if (CloudTrailTableSchema.StringColumns.Contains(column))
        {
            return rest.Count == 0 ? new SqlExpr(column.ToLowerInvariant(), SqlValueKind.Text) : SqlExpr.Null;
        }

        if (CloudTrailTableSchema.JsonColumns.Contains(column))
        {
            if (rest.Count == 0)
            {
                return SqlExpr.Null;
            }

            var path = Literal(TrinoJsonPath(rest));
            var col = column.ToLowerInvariant();
            var text = $"json_extract_scalar({col}, {path})";
            return new SqlExpr($"(CASE WHEN {text} IS NOT NULL THEN json_format(json_extract({col}, {path})) END)", SqlValueKind.Json, text);
        }

        if (CloudTrailTableSchema.StructColumns.TryGetValue(column, out var leaves))
        {
            var leaf = string.Join('.', rest);
            if (!leaves.Contains(leaf))
            {
                throw Refuse(f.Name, $"'{f.Name}' is not a column of the CloudTrail table (its {column.ToLowerInvariant()} struct has {string.Join(", ", leaves.Order(StringComparer.Ordinal))}).", f.Span);
            }

            return new SqlExpr(column.ToLowerInvariant() + "." + string.Join('.', rest.Select(s => s.ToLowerInvariant())), SqlValueKind.Text);
        }

        if (column.Equals(CloudTrailTableSchema.ResourcesColumn, StringComparison.OrdinalIgnoreCase)
            && rest.Count == 2 && int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && CloudTrailTableSchema.ResourceFields.Contains(rest[1]))
        {
            return new SqlExpr($"element_at(resources, {index + 1}).{rest[1].ToLowerInvariant()}", SqlValueKind.Text);
        }

        throw Refuse(f.Name, $"'{f.Name}' is not a column of the CloudTrail table (docs/athena.md lists them).", f.Span);
    }

    /// <summary>A DuckDB JSON path: <c>$.a.b[0]</c>, unusual keys quoted (<c>$."x-amz-id"</c>).</summary>
    internal static string DuckDbJsonPath(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder("$");
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (i > 0 && s.Length > 0 && s.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(s).Append(']');
            }
            else if (s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                sb.Append('.').Append(s);
            }
            else
            {
                sb.Append(".\"").Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
        }

        return sb.ToString();
    }

    /// <summary>A Trino JSON path: <c>$.a.b[0]</c>, unusual keys as <c>$["x-amz-id"]</c>.</summary>
    internal static string TrinoJsonPath(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder("$");
        foreach (var s in segments)
        {
            if (s.Length > 0 && s.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(s).Append(']');
            }
            else if (s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                sb.Append('.').Append(s);
            }
            else
            {
                sb.Append("[\"").Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
            }
        }

        return sb.ToString();
    }

    private SqlExpr Binary(BinaryExpression b)
    {
        switch (b.Operator)
        {
            case BinaryOperator.And:
                return Bool($"({Condition(Write(b.Left))} AND {Condition(Write(b.Right))})");
            case BinaryOperator.Or:
                return Bool($"({Condition(Write(b.Left))} OR {Condition(Write(b.Right))})");
            case BinaryOperator.Equal:
            case BinaryOperator.Less:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.Greater:
            case BinaryOperator.GreaterOrEqual:
                return Bool(Compare(b.Operator, Write(b.Left), Write(b.Right)));
            case BinaryOperator.NotEqual:
                return Bool($"(NOT {Compare(BinaryOperator.Equal, Write(b.Left), Write(b.Right))})");
            case BinaryOperator.Like:
            case BinaryOperator.RegexMatch:
                return Bool(Like(Write(b.Left), b.Right));
            case BinaryOperator.In:
                return Bool(In(Write(b.Left), b.Right));
            case BinaryOperator.Add:
            case BinaryOperator.Subtract:
            case BinaryOperator.Multiply:
                {
                    var op = b.Operator switch { BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", _ => "*" };
                    return new SqlExpr($"({Number(Write(b.Left))} {op} {Number(Write(b.Right))})", SqlValueKind.Number);
                }

            case BinaryOperator.Divide:
                return new SqlExpr($"({Number(Write(b.Left))} / nullif({Number(Write(b.Right))}, 0E0))", SqlValueKind.Number);
            case BinaryOperator.Modulo:
                return new SqlExpr($"mod({Number(Write(b.Left))}, nullif({Number(Write(b.Right))}, 0E0))", SqlValueKind.Number);
            case BinaryOperator.Power:
                return new SqlExpr($"power({Number(Write(b.Left))}, {Number(Write(b.Right))})", SqlValueKind.Number);
            default:
                throw Refuse(b.Operator.ToString(), "this operator has no SQL rendering.", b.Span);
        }
    }

    private static SqlExpr Bool(string sql) => new(sql, SqlValueKind.Boolean);

    // Numeric when either side is a number (or a text constant that is one), else text; false when a side is missing.
    private string Compare(BinaryOperator op, SqlExpr left, SqlExpr right)
    {
        var sqlOp = op switch
        {
            BinaryOperator.Equal => "=",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            _ => ">=",
        };
        if (left.IsNull || right.IsNull)
        {
            return "false";
        }

        if (IsNumeric(left) || IsNumeric(right))
        {
            return $"coalesce({Number(left)} {sqlOp} {Number(right)}, false)";
        }

        if (left.Constant is not null || right.Constant is not null)
        {
            return $"coalesce({Text(left)} {sqlOp} {Text(right)}, false)";
        }

        // Two values of unknown type: numerically when both are numbers, else as text.
        var (l, r) = (Text(left), Text(right));
        return $"coalesce(CASE WHEN {TryDouble(l)} IS NOT NULL AND {TryDouble(r)} IS NOT NULL THEN {TryDouble(l)} {sqlOp} {TryDouble(r)} ELSE {l} {sqlOp} {r} END, false)";
    }

    private static bool IsNumeric(SqlExpr e) =>
        e.Kind is SqlValueKind.Number or SqlValueKind.Timestamp
        || (e.Constant is { Kind: ValueKind.String } c && Coerce.TryParseNumber(c.RawText!, out _));

    private string Like(SqlExpr left, Expression pattern)
    {
        if (pattern is RegexExpression regex)
        {
            var p = Literal(regex.Pattern);
            return IsTrino ? $"coalesce(regexp_like({Text(left)}, {p}), false)" : $"coalesce(regexp_matches({Text(left)}, {p}), false)";
        }

        var right = Write(pattern);
        return $"coalesce(strpos({Text(left)}, {Text(right)}) > 0, false)";
    }

    private string In(SqlExpr left, Expression list)
    {
        if (list is not ListExpression items)
        {
            throw Refuse("in", "'in' needs a list of values, e.g. in [\"a\", \"b\"].", list.Span);
        }

        var values = items.Items.Select(Write).ToList();
        if (values.Count == 0)
        {
            return "false";
        }

        if (!IsNumeric(left) && values.All(v => v.Constant is { Kind: ValueKind.String } c && !Coerce.TryParseNumber(c.RawText!, out _)))
        {
            return $"coalesce({Text(left)} IN ({string.Join(", ", values.Select(v => v.Sql))}), false)";
        }

        return "(" + string.Join(" OR ", values.Select(v => Compare(BinaryOperator.Equal, left, v))) + ")";
    }

    private SqlExpr Unary(UnaryExpression u)
    {
        var operand = Write(u.Operand);
        return u.Operator == UnaryOperator.Not
            ? Bool($"(NOT {Condition(operand)})")
            : new SqlExpr($"(-{Number(operand)})", SqlValueKind.Number);
    }

    private SqlExpr Call(CallExpression c)
    {
        var name = c.Name.ToUpperInvariant();
        if (Aggregators.IsAggregate(c.Name) && AllowAggregates)
        {
            return Aggregate(c);
        }

        if (Aggregators.IsAggregate(c.Name))
        {
            throw Refuse(c.Name + "()", $"{c.Name}() is an aggregate: use it in stats.", c.NameSpan);
        }

        switch (name)
        {
            case "ISPRESENT":
                return Bool($"({Text(Arg(c, 0))} IS NOT NULL)");
            case "ISEMPTY":
                return new SqlExpr($"(CASE WHEN coalesce(length({Text(Arg(c, 0))}), 0) = 0 THEN 1 ELSE 0 END)", SqlValueKind.Number);
            case "ISBLANK":
                return new SqlExpr($"(CASE WHEN coalesce(length(trim({Text(Arg(c, 0))})), 0) = 0 THEN 1 ELSE 0 END)", SqlValueKind.Number);
            case "TOLOWER":
                return new SqlExpr($"lower({Text(Arg(c, 0))})", SqlValueKind.Text);
            case "TOUPPER":
                return new SqlExpr($"upper({Text(Arg(c, 0))})", SqlValueKind.Text);
            case "STRLEN":
                return new SqlExpr($"length({Text(Arg(c, 0))})", SqlValueKind.Number);
            case "CONCAT":
                return new SqlExpr("(" + string.Join(" || ", c.Arguments.Select(a => $"coalesce({Text(Write(a))}, '')")) + ")", SqlValueKind.Text);
            case "STRCONTAINS" when c.Arguments.Count == 2:
                return Flag(c, (s, p) => $"strpos({s}, {p}) > 0");
            case "STARTSWITH":
                return Flag(c, (s, p) => $"strpos({s}, {p}) = 1");
            case "ENDSWITH":
                return Flag(c, (s, p) => $"strpos(reverse({s}), reverse({p})) = 1");
            case "ABS":
            case "CEIL":
            case "FLOOR":
                return new SqlExpr($"{name.ToLowerInvariant()}({Number(Arg(c, 0))})", SqlValueKind.Number);
            case "COALESCE":
                {
                    var args = c.Arguments.Select(Write).Where(a => !a.IsNull).ToList();
                    if (args.Count == 0)
                    {
                        return SqlExpr.Null;
                    }

                    var kind = args[0].Kind;
                    if (args.All(a => a.Kind == kind) && kind != SqlValueKind.Json)
                    {
                        return new SqlExpr($"coalesce({string.Join(", ", args.Select(a => a.Sql))})", kind);
                    }

                    if (args.All(a => a.Kind is SqlValueKind.Json or SqlValueKind.Text))
                    {
                        return new SqlExpr($"coalesce({string.Join(", ", args.Select(Text))})", SqlValueKind.Text);
                    }

                    throw Refuse("coalesce()", "coalesce() of values of different kinds (text, numbers, times) has no SQL rendering.", c.NameSpan);
                }

            case "BIN":
            case "DATEFLOOR":
                return DateFloor(c);
            default:
                throw Refuse(c.Name + "()", $"{c.Name}() has no {SqlNotSupportedException.DialectName(Dialect)} rendering (docs/athena.md lists the functions that have one).", c.NameSpan);
        }
    }

    private SqlExpr Arg(CallExpression c, int index)
    {
        if (index >= c.Arguments.Count)
        {
            throw Refuse(c.Name + "()", $"{c.Name}() needs {index + 1} argument(s).", c.Span);
        }

        return Write(c.Arguments[index]);
    }

    // 1/0, missing when the first argument is.
    private SqlExpr Flag(CallExpression c, Func<string, string, string> test)
    {
        var (s, p) = (Text(Arg(c, 0)), Text(Arg(c, 1)));
        return new SqlExpr($"(CASE WHEN {s} IS NULL THEN NULL WHEN {p} IS NOT NULL AND {test(s, p)} THEN 1 ELSE 0 END)", SqlValueKind.Number);
    }

    private SqlExpr DateFloor(CallExpression c)
    {
        var (time, periodArg) = c.Name.Equals("bin", StringComparison.OrdinalIgnoreCase)
            ? (new SqlExpr(TimestampSql, SqlValueKind.Timestamp), c.Arguments.Count == 1 ? c.Arguments[0] : null)
            : (c.Arguments.Count == 2 ? Write(c.Arguments[0]) : null, c.Arguments.Count == 2 ? c.Arguments[1] : null);
        if (time is null || periodArg is not PeriodExpression period)
        {
            throw Refuse(c.Name + "()", $"{c.Name}() takes a time period, e.g. bin(5m).", c.Span);
        }

        var p = period.Period.Effective;
        if (p.Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year)
        {
            throw Refuse(c.Name + "()", $"{c.Name}() by months, quarters or years has no SQL rendering yet; use days or weeks.", period.Span);
        }

        var size = NumberLiteral(p.FixedMilliseconds);
        var offset = p.Unit == TimeUnit.Week ? 4 * 86_400_000d : 0;
        var t = Number(time);
        var sql = offset == 0
            ? $"(floor({t} / {size}) * {size})"
            : $"(floor(({t} - {NumberLiteral(offset)}) / {size}) * {size} + {NumberLiteral(offset)})";
        return new SqlExpr(sql, SqlValueKind.Timestamp);
    }

    private SqlExpr Aggregate(CallExpression c)
    {
        AllowAggregates = false;
        try
        {
            var name = c.Name.ToUpperInvariant();
            var star = c.Arguments.Count == 0 || c.Arguments[0] is StarExpression;
            switch (name)
            {
                case "COUNT" when star:
                    return new SqlExpr("count(*)", SqlValueKind.Number);
                case "COUNT":
                    return new SqlExpr($"count({Text(Arg(c, 0))})", SqlValueKind.Number);
                case "COUNT_DISTINCT":
                    return new SqlExpr($"count(DISTINCT {Text(Arg(c, 0))})", SqlValueKind.Number);
                case "SUM":
                    return new SqlExpr($"sum({Number(Arg(c, 0))})", SqlValueKind.Number);
                case "AVG":
                    return new SqlExpr($"avg({Number(Arg(c, 0))})", SqlValueKind.Number);
                case "STDDEV":
                    return new SqlExpr($"stddev_samp({Number(Arg(c, 0))})", SqlValueKind.Number);
                case "MIN":
                case "MAX":
                    {
                        var arg = Arg(c, 0);
                        if (arg.Kind is not (SqlValueKind.Number or SqlValueKind.Timestamp))
                        {
                            throw Refuse(c.Name + "()", $"{c.Name}() of text uses Logs Insights' natural sort order, which SQL cannot express; {c.Name}() of @timestamp or of a number has a rendering.", c.NameSpan);
                        }

                        return new SqlExpr($"{name.ToLowerInvariant()}({arg.Sql})", arg.Kind);
                    }

                case "EARLIEST":
                case "LATEST":
                    {
                        var arg = Arg(c, 0);
                        if (arg.IsNull)
                        {
                            return SqlExpr.Null;
                        }

                        // The value at the extreme time; ties go to the earlier record in input order, as offline (DuckDB).
                        // Athena has no input order: ties there go to any of the tied events (docs/athena.md).
                        var earliest = name == "EARLIEST";
                        var function = (earliest, IsTrino) switch
                        {
                            (true, true) => "min_by",
                            (false, true) => "max_by",
                            (true, false) => "arg_min",
                            _ => "arg_max",
                        };
                        var order = IsTrino ? TimestampSql : $"{{'t': {TimestampSql}, 'o': {(earliest ? "" : "-")}{OrderSql}}}";
                        return new SqlExpr($"{function}({arg.Sql}, {order}) FILTER (WHERE {arg.Sql} IS NOT NULL AND {TimestampSql} IS NOT NULL)", arg.Kind, arg.TextSql is null ? null : $"{function}({arg.TextSql}, {order}) FILTER (WHERE {arg.TextSql} IS NOT NULL AND {TimestampSql} IS NOT NULL)");
                    }

                default:
                    throw Refuse(c.Name + "()", $"{c.Name}() has no {SqlNotSupportedException.DialectName(Dialect)} rendering (docs/athena.md lists the aggregates that have one).", c.NameSpan);
            }
        }
        finally
        {
            AllowAggregates = true;
        }
    }
}
