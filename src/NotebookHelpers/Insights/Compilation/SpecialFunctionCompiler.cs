using System.Text;
using System.Text.RegularExpressions;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Compiles the functions listed in <see cref="FunctionCatalog.CompiledFunctions"/>: <c>case</c> (lazy, first true
/// condition wins), and the functions whose pattern argument is built once when the query compiles, so a bad pattern
/// is reported at its position before any event is read: <c>regexReplace</c> (RE2 regex), <c>parseDate</c> (Java
/// pattern) and <c>formatDate</c>/<c>strftime</c> (strftime format); their time-zone argument likewise.
/// </summary>
internal static class SpecialFunctionCompiler
{
    /// <summary>Most condition/value pairs <c>case</c> takes (documented).</summary>
    public const int MaxCaseBranches = 10;

    public static Evaluator Compile(CallExpression c, Func<Expression, Evaluator> compile) => c.Name.ToUpperInvariant() switch
    {
        "CASE" => Case(c, compile),
        "REGEXREPLACE" => RegexReplace(c, compile),
        "PARSEDATE" => ParseDate(c, compile),
        _ => FormatDate(c, compile),
    };

    private static Evaluator Case(CallExpression c, Func<Expression, Evaluator> compile)
    {
        var n = c.Arguments.Count;
        if (n < 2 || n > (2 * MaxCaseBranches) + 1)
        {
            throw new InsightsCompileException(
                $"case() takes condition, value pairs (at most {MaxCaseBranches}) and an optional default: case(c1, v1, c2, v2, …, default); got {n} argument(s).", c.Span);
        }

        var pairs = n / 2;
        var conditions = new Evaluator[pairs];
        var values = new Evaluator[pairs];
        for (var i = 0; i < pairs; i++)
        {
            conditions[i] = compile(c.Arguments[2 * i]);
            values[i] = compile(c.Arguments[(2 * i) + 1]);
        }

        Evaluator otherwise = n % 2 == 1 ? compile(c.Arguments[^1]) : _ => Value.Missing;
        return row =>
        {
            for (var i = 0; i < conditions.Length; i++)
            {
                if (Coerce.IsTrue(conditions[i](row)))
                {
                    return values[i](row);
                }
            }

            return otherwise(row);
        };
    }

    private static Evaluator RegexReplace(CallExpression c, Func<Expression, Evaluator> compile)
    {
        Arity(c, 3, 3);
        var regex = c.Arguments[1] switch
        {
            RegexExpression r => InsightsRegex.Create(r.Pattern, r.Span),
            ConstantExpression { Value.Kind: ValueKind.String } s => InsightsRegex.Create(s.Value.RawText!, s.Span),
            var other => throw new InsightsCompileException("the pattern of regexReplace is a quoted string or a /regex/.", other.Span),
        };
        var source = compile(c.Arguments[0]);
        if (c.Arguments[2] is ConstantExpression constant)
        {
            var replacement = Coerce.ToText(constant.Value) is { } r ? Replacement(r) : null;
            return row => Coerce.ToText(source(row)) is { } s && replacement is not null ? Value.FromString(Replace(regex, s, replacement)) : Value.Missing;
        }

        var replace = compile(c.Arguments[2]);
        return row => Coerce.ToText(source(row)) is { } s && Coerce.ToText(replace(row)) is { } r
            ? Value.FromString(Replace(regex, s, Replacement(r)))
            : Value.Missing;
    }

    // The service runs on Java and RE2/J: $1 and ${name} name groups, a backslash makes the next character literal.
    // .NET reads $1 and ${name} the same way; every other '$' must be doubled to stay literal.
    private static string Replacement(string written)
    {
        var text = new StringBuilder(written.Length + 4);
        for (var i = 0; i < written.Length; i++)
        {
            var ch = written[i];
            if (ch == '\\' && i + 1 < written.Length)
            {
                var next = written[++i];
                text.Append(next == '$' ? "$$" : next.ToString());
            }
            else if (ch == '$' && !(i + 1 < written.Length && (char.IsAsciiDigit(written[i + 1]) || written[i + 1] == '{')))
            {
                text.Append("$$");
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    private static string Replace(Regex regex, string input, string replacement)
    {
        try
        {
            return regex.Replace(input, replacement);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw InsightsRegex.TimedOut($"the regex /{regex}/", e);
        }
    }

    private static Evaluator ParseDate(CallExpression c, Func<Expression, Evaluator> compile)
    {
        Arity(c, 2, 3);
        var pattern = Constant(c, 1, "the pattern of parseDate is a quoted Java DateTimeFormatter pattern, e.g. \"yyyy-MM-dd'T'HH:mm:ssX\".");
        JavaDateTimePattern compiled;
        try
        {
            compiled = JavaDateTimePattern.Compile(pattern);
        }
        catch (FormatException e)
        {
            throw new InsightsCompileException(e.Message, c.Arguments[1].Span);
        }

        var zone = Zone(c, 2);
        var source = compile(c.Arguments[0]);
        return row => Coerce.ToText(source(row)) is { } s && compiled.TryParse(s.Trim(), zone, out var time)
            ? Value.FromNumber(time.ToUnixTimeMilliseconds())
            : Value.Missing;
    }

    private static Evaluator FormatDate(CallExpression c, Func<Expression, Evaluator> compile)
    {
        Arity(c, 2, 3);
        var format = Constant(c, 1, $"the format of {c.Name} is a quoted strftime format, e.g. \"%Y-%m-%d %H:%M:%S\".");
        StrftimeFormat compiled;
        try
        {
            compiled = StrftimeFormat.Compile(format);
        }
        catch (FormatException e)
        {
            throw new InsightsCompileException(e.Message, c.Arguments[1].Span);
        }

        var zone = Zone(c, 2);
        var source = compile(c.Arguments[0]);
        return row => Coerce.TryTimestamp(source(row), out var ms) && ms is > -62135596800000 and < 253402300800000
            ? Value.FromString(compiled.Format(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(ms)), zone))
            : Value.Missing;
    }

    private static TimeZoneInfo Zone(CallExpression c, int index)
    {
        if (c.Arguments.Count <= index)
        {
            return TimeZoneInfo.Utc;
        }

        var text = Constant(c, index, $"the time zone of {c.Name} is a quoted zone: \"UTC\", an offset such as \"+05:30\", or a zone id such as \"Europe/Paris\".");
        try
        {
            return TimeZoneArgument.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InsightsCompileException(e.Message, c.Arguments[index].Span);
        }
    }

    private static string Constant(CallExpression c, int index, string message) =>
        c.Arguments[index] is ConstantExpression { Value.Kind: ValueKind.String } s
            ? s.Value.RawText!
            : throw new InsightsCompileException(message, c.Arguments[index].Span);

    private static void Arity(CallExpression c, int min, int max)
    {
        var n = c.Arguments.Count;
        if (n < min || n > max)
        {
            throw new InsightsCompileException($"{c.Name}() takes {(min == max ? $"{min}" : $"{min} to {max}")} argument(s), not {n}.", c.Span);
        }
    }
}
