using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Execution;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Turns a rewritten expression tree into an <see cref="Evaluator"/> delegate, so per-event evaluation is a chain of
/// direct calls: fields are array reads, operators and functions are the static methods of
/// <see cref="Coerce"/>, <see cref="RuntimeFunctions"/> and friends, regexes and <c>in</c> lists are built once.
/// </summary>
internal sealed class ExpressionCompiler
{
    private readonly SlotTable _slots;
    private readonly QueryContext _context;
    private readonly Func<int, int>? _aggregateSlot;

    public ExpressionCompiler(SlotTable slots, QueryContext context, Func<int, int>? aggregateSlot = null)
    {
        _slots = slots;
        _context = context;
        _aggregateSlot = aggregateSlot;
    }

    public Evaluator Compile(Expression expression) => expression switch
    {
        ConstantExpression c => Constant(c.Value),
        FieldExpression f => Field(f.Name),
        AggregateSlotExpression a => AggregateSlot(a),
        UnaryExpression u => Unary(u),
        BinaryExpression b => Binary(b),
        CallExpression c => Call(c),
        ParameterExpression p => throw new InsightsCompileException($"the parameter ${p.Name} has no value; bind it with .Bind(\"{p.Name}\", value).", p.Span),
        RegexExpression r => throw new InsightsCompileException("a /regex/ can only follow 'like', 'not like' or '=~', or be a parse pattern.", r.Span),
        ListExpression l => throw new InsightsCompileException("a [list] can only follow 'in' or 'not in'.", l.Span),
        PeriodExpression p => throw new InsightsCompileException("a time period can only be an argument of bin, datefloor or dateceil.", p.Span),
        AccessorExpression a => Accessor(a),
        StarExpression s => throw new InsightsCompileException("'*' can only be the argument of count(*).", s.Span),
        _ => throw new InsightsCompileException($"cannot evaluate {expression.GetType().Name}.", expression.Span),
    };

    public Evaluator Field(string name)
    {
        var slot = _slots.GetOrAdd(name);
        return name switch
        {
            SystemFields.Message => row => row.Message(slot),
            SystemFields.Pointer => row => Value.FromString(InsightsPointer.Format(row.Location)),
            _ => row => row.Slots[slot],
        };
    }

    private static Evaluator Constant(Value value) => _ => value;

    private Evaluator AggregateSlot(AggregateSlotExpression a)
    {
        if (_aggregateSlot is null)
        {
            throw new InsightsCompileException("aggregate functions can only be used in stats.", a.Span);
        }

        var slot = _aggregateSlot(a.Index);
        return row => row.Slots[slot];
    }

    private Evaluator Unary(UnaryExpression u)
    {
        var operand = Compile(u.Operand);
        return u.Operator == UnaryOperator.Not
            ? row => Value.FromBoolean(!Coerce.IsTrue(operand(row)))
            : row => Coerce.TryNumber(operand(row), out var n) ? Value.FromNumber(-n) : Value.Missing;
    }

    private Evaluator Binary(BinaryExpression b)
    {
        switch (b.Operator)
        {
            case BinaryOperator.And:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return row => Value.FromBoolean(Coerce.IsTrue(l(row)) && Coerce.IsTrue(r(row)));
                }

            case BinaryOperator.Or:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return row => Value.FromBoolean(Coerce.IsTrue(l(row)) || Coerce.IsTrue(r(row)));
                }

            case BinaryOperator.Like:
                return Like(b);
            case BinaryOperator.RegexMatch:
                return RegexMatch(Compile(b.Left), b.Right);
            case BinaryOperator.In:
                return In(b);
            case BinaryOperator.NotLike or BinaryOperator.NotIn:
                return Compile(NegatedMatchRewriter.Instance.Rewrite(b));
        }

        var left = Compile(b.Left);
        var right = Compile(b.Right);
        return b.Operator switch
        {
            BinaryOperator.Equal => row => Value.FromBoolean(Coerce.AreEqual(left(row), right(row))),
            BinaryOperator.NotEqual => row =>
            {
                // Comparing a map or list to anything is false (documented), so != is not simply the complement of =.
                var (l, r) = (left(row), right(row));
                return Value.FromBoolean(!Coerce.AreEqual(l, r) && !l.IsStructure && !r.IsStructure);
            },
            BinaryOperator.Less => row => Value.FromBoolean(Coerce.CompareForOperator(left(row), right(row)) < 0),
            BinaryOperator.LessOrEqual => row => Value.FromBoolean(Coerce.CompareForOperator(left(row), right(row)) <= 0),
            BinaryOperator.Greater => row => Value.FromBoolean(Coerce.CompareForOperator(left(row), right(row)) > 0),
            BinaryOperator.GreaterOrEqual => row => Value.FromBoolean(Coerce.CompareForOperator(left(row), right(row)) >= 0),
            BinaryOperator.Add => Arithmetic(left, right, static (x, y) => x + y),
            BinaryOperator.Subtract => Arithmetic(left, right, static (x, y) => x - y),
            BinaryOperator.Multiply => Arithmetic(left, right, static (x, y) => x * y),
            BinaryOperator.Divide => Arithmetic(left, right, static (x, y) => y == 0 ? double.NaN : x / y),
            BinaryOperator.Modulo => Arithmetic(left, right, static (x, y) => y == 0 ? double.NaN : x % y),
            BinaryOperator.Power => Arithmetic(left, right, Math.Pow),
            _ => throw new InsightsCompileException($"operator {b.Operator} is not supported.", b.Span),
        };
    }

    private static Evaluator Arithmetic(Evaluator left, Evaluator right, Func<double, double, double> op) =>
        row => Coerce.TryNumber(left(row), out var x) && Coerce.TryNumber(right(row), out var y)
            ? Value.FromNumber(op(x, y))
            : Value.Missing;

    private Evaluator Like(BinaryExpression b)
    {
        var left = Compile(b.Left);
        switch (b.Right)
        {
            case ConstantExpression { Value.Kind: ValueKind.String } c:
                {
                    var part = c.Value.RawText!;
                    return row => Coerce.ToText(left(row)) is { } s ? Value.FromBoolean(s.Contains(part, StringComparison.Ordinal)) : Value.False;
                }

            case ConstantExpression c:
                {
                    var part = Coerce.ToText(c.Value)!;
                    return row => Coerce.ToText(left(row)) is { } s ? Value.FromBoolean(s.Contains(part, StringComparison.Ordinal)) : Value.False;
                }

            case RegexExpression r:
                return RegexMatch(left, r);
            default:
                throw new InsightsCompileException("'like' needs a quoted string or a /regex/.", b.Right.Span);
        }
    }

    private Evaluator RegexMatch(Evaluator left, Expression pattern)
    {
        var regex = pattern switch
        {
            RegexExpression r => InsightsRegex.Create(r.Pattern, r.Span),
            ConstantExpression { Value.Kind: ValueKind.String } c => InsightsRegex.Create(c.Value.RawText!, c.Span),
            _ => throw new InsightsCompileException("'=~' needs a /regex/.", pattern.Span),
        };
        return row => Coerce.ToText(left(row)) is { } s ? Value.FromBoolean(IsMatch(regex, s)) : Value.False;
    }

    private static bool IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw InsightsRegex.TimedOut($"the regex /{regex}/", e);
        }
    }

    private Evaluator In(BinaryExpression b)
    {
        var left = Compile(b.Left);
        if (b.Right is not ListExpression list)
        {
            throw new InsightsCompileException("'in' needs a list in brackets.", b.Right.Span);
        }

        var items = list.Items.Select(i => i switch
        {
            ConstantExpression c => c.Value,
            ParameterExpression p => throw new InsightsCompileException($"the parameter ${p.Name} has no value.", p.Span),
            _ => throw new InsightsCompileException("list items must be literals.", i.Span),
        }).ToArray();

        // Complete-string matches first (a hash lookup), then numeric equality for items that are numbers.
        var texts = new HashSet<string>(items.Select(Coerce.ToText).OfType<string>(), StringComparer.Ordinal);
        var numbers = new HashSet<double>();
        foreach (var item in items)
        {
            if (Coerce.TryNumber(item, out var n))
            {
                numbers.Add(n);
            }
        }

        return row =>
        {
            var v = left(row);
            if (v.IsMissing)
            {
                return Value.False;
            }

            if (v.Kind == ValueKind.String && texts.Contains(v.RawText!))
            {
                return Value.True;
            }

            if (v.Kind == ValueKind.Boolean)
            {
                return Value.FromBoolean(items.Any(i => Coerce.AreEqual(v, i)));
            }

            if (Coerce.TryNumber(v, out var n) && numbers.Contains(n))
            {
                return Value.True;
            }

            return Value.FromBoolean(v.Kind != ValueKind.String && texts.Contains(Coerce.ToText(v)!));
        };
    }

    private Evaluator Call(CallExpression c)
    {
        if (Aggregators.IsAggregate(c.Name))
        {
            throw new InsightsCompileException($"{c.Name}() is an aggregate function: use it in stats (e.g. stats {c.Name}(...) by field).", c.NameSpan);
        }

        if (FunctionCatalog.ContextFunctions.Contains(c.Name))
        {
            return ContextCall(c);
        }

        if (FunctionCatalog.CompiledFunctions.Contains(c.Name))
        {
            if (c.Arguments.FirstOrDefault(a => a is StarExpression) is { } star)
            {
                throw new InsightsCompileException("'*' can only be the argument of count(*).", star.Span);
            }

            return SpecialFunctionCompiler.Compile(c, Compile);
        }

        if (!FunctionCatalog.TryGet(c.Name, out var function))
        {
            if (FunctionCatalog.Unsupported.Contains(c.Name))
            {
                throw new InsightsCompileException($"the function {c.Name}() is not supported offline; run the query on CloudWatch Logs (--logs cwl:GROUP).", c.NameSpan);
            }

            throw new InsightsCompileException($"unknown function '{c.Name}'.", c.NameSpan);
        }

        CheckArity(c, function.MinArgs, function.MaxArgs);
        var args = c.Arguments.Select(Compile).ToArray();
        var invoke = function.Invoke;
        return args.Length switch
        {
            1 => row => invoke([args[0](row)]),
            2 => row => invoke([args[0](row), args[1](row)]),
            _ => row =>
            {
                var values = new Value[args.Length];
                for (var i = 0; i < args.Length; i++)
                {
                    values[i] = args[i](row);
                }

                return invoke(values);
            },
        };
    }

    private Evaluator Accessor(AccessorExpression a)
    {
        var target = Compile(a.Target);
        if (!a.IsIndex)
        {
            var key = a.Member;
            return row => JsonFunctions.Member(target(row), key);
        }

        if (!int.TryParse(a.Member, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            throw new InsightsCompileException($"a list index is a whole number from 0, not {a.Member}.", a.Span);
        }

        return row => JsonFunctions.Item(target(row), index);
    }

    private Evaluator ContextCall(CallExpression c)
    {
        var name = c.Name.ToUpperInvariant();
        switch (name)
        {
            case "DATEFLOOR" or "DATECEIL":
                {
                    CheckArity(c, 2, 2);
                    if (c.Arguments[1] is not PeriodExpression p)
                    {
                        throw new InsightsCompileException($"the second argument of {c.Name} is a time period, e.g. 5m.", c.Arguments[1].Span);
                    }

                    var time = Compile(c.Arguments[0]);
                    var period = p.Period;
                    return name == "DATEFLOOR"
                        ? row => RuntimeFunctions.DateFloor(time(row), period)
                        : row => RuntimeFunctions.DateCeil(time(row), period);
                }

            case "BIN":
                throw new InsightsCompileException("bin() takes one time period, e.g. bin(5m).", c.Span);
            case "NOW":
                {
                    CheckArity(c, 0, 0);
                    var now = Value.FromNumber(_context.StartedAt.ToUnixTimeSeconds());
                    return _ => now;
                }

            case "QUERYSTARTTIME":
                {
                    CheckArity(c, 0, 0);
                    var v = _context.Range.Start is { } s ? Value.FromNumber(s.ToUnixTimeMilliseconds()) : Value.Missing;
                    return _ => v;
                }

            case "QUERYENDTIME":
                {
                    CheckArity(c, 0, 0);
                    var v = _context.Range.End is { } e ? Value.FromNumber(e.ToUnixTimeMilliseconds()) : Value.Missing;
                    return _ => v;
                }

            default:
                {
                    CheckArity(c, 0, 0);
                    var v = _context.Range is { Start: { } s, End: { } e } ? Value.FromNumber((e - s).TotalMilliseconds) : Value.Missing;
                    return _ => v;
                }
        }
    }

    private static void CheckArity(CallExpression c, int min, int max)
    {
        var n = c.Arguments.Count;
        if (n < min || n > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new InsightsCompileException($"{c.Name}() takes {expected} argument(s), not {n}.", c.Span);
        }

        if (c.Arguments.FirstOrDefault(a => a is StarExpression) is { } star)
        {
            throw new InsightsCompileException("'*' can only be the argument of count(*).", star.Span);
        }
    }
}
