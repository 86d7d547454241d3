using System.Globalization;
using SortKey = NotebookHelpers.Insights.Ast.SortKey;
using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Parsing;

/// <summary>
/// Parses Logs Insights query text into a <see cref="QuerySyntax"/>. Keywords and command words are
/// case-insensitive. Operator precedence, lowest first: <c>or</c>; <c>and</c>; <c>not</c>; comparisons, <c>like</c>,
/// <c>=~</c>, <c>in</c>; <c>+ -</c>; <c>* / %</c>; <c>^</c>; unary <c>-</c>. Commands the offline engine does not run
/// are kept as <see cref="UnsupportedCommand"/> so the text can still go to CloudWatch Logs.
/// </summary>
public sealed class QueryParser
{
    /// <summary>Command words of the stable core, as documented.</summary>
    public static IReadOnlyList<string> CoreCommands { get; } = ["fields", "display", "filter", "where", "stats", "sort", "limit", "parse", "dedup"];

    /// <summary>Documented commands the offline engine recognises but does not run.</summary>
    public static IReadOnlyList<string> UnsupportedCommands { get; } =
    [
        "pattern", "diff", "anomaly", "unmask", "filterIndex", "SOURCE", "join", "lookup", "unnest", "json", "addtotals",
        "relevantfields", "expand", "subquery", "autoregress", "logcompare", "filldown", "fillmissing", "cidrlookup",
        "outlier", "accum", "appendcols", "sessionize", "countFrequent", "head", "tail", "eval", "rename",
    ];

    private readonly string _text;
    private readonly IReadOnlyList<Token> _tokens;
    private int _pos;

    private QueryParser(string text)
    {
        _text = text;
        _tokens = Tokenizer.Tokenize(text);
    }

    private Token Current => _tokens[_pos];

    /// <summary>Parses <paramref name="query"/>.</summary>
    /// <exception cref="InsightsQueryException">The query is malformed; the exception points at the offending text.</exception>
    public static QuerySyntax Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new QueryParser(query);
        return parser.ParseQuery();
    }

    private QuerySyntax ParseQuery()
    {
        var commands = new List<Command>();
        if (Current.Kind == TokenKind.End)
        {
            throw Error("the query is empty. Start with a command such as 'fields', 'filter' or 'stats'.", Current);
        }

        while (true)
        {
            commands.Add(ParseCommand());
            if (Current.Kind == TokenKind.End)
            {
                break;
            }

            if (Current.Kind != TokenKind.Pipe)
            {
                throw Error($"expected '|' or the end of the query, found {Describe(Current)}. Values go in quotes (\"…\") and field names with special characters in backticks (`…`).", Current);
            }

            var pipe = Current;
            _pos++;
            if (Current.Kind is TokenKind.End or TokenKind.Pipe)
            {
                throw Error("a '|' must be followed by a command.", pipe);
            }
        }

        return new QuerySyntax(_text, commands);
    }

    private Command ParseCommand()
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Identifier || keyword.Quoted)
        {
            throw Error($"expected a command (fields, filter, stats, sort, limit, parse, dedup, display), found {Describe(keyword)}.", keyword);
        }

        var word = keyword.Text;
        var kwSpan = Span(keyword);
        if (UnsupportedCommands.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            return SkipUnsupported(keyword);
        }

        _pos++;
        switch (word.ToUpperInvariant())
        {
            case "FIELDS":
                {
                    var items = ParseProjectionList("fields");
                    return new FieldsCommand(items, word, kwSpan, SpanFrom(keyword));
                }

            case "DISPLAY":
                {
                    var items = ParseProjectionList("display");
                    return new DisplayCommand(items, word, kwSpan, SpanFrom(keyword));
                }

            case "FILTER" or "WHERE":
                {
                    if (AtCommandEnd())
                    {
                        throw Error($"'{word}' needs a condition, e.g. {word} eventName = \"CreateUser\".", keyword);
                    }

                    var condition = ParseExpression();
                    return new FilterCommand(condition, word, kwSpan, SpanFrom(keyword));
                }

            case "STATS":
                return ParseStats(keyword);
            case "SORT":
                return ParseSort(keyword);
            case "LIMIT":
                return ParseLimit(keyword);
            case "PARSE":
                return ParseParse(keyword);
            case "DEDUP":
                {
                    var fields = new List<FieldExpression>();
                    do
                    {
                        fields.Add(ExpectField("dedup needs field names, e.g. dedup sourceIPAddress"));
                    }
                    while (Accept(TokenKind.Comma));

                    return new DedupCommand(fields, word, kwSpan, SpanFrom(keyword));
                }

            default:
                throw Error(
                    $"'{word}' is not a Logs Insights command. Commands are {string.Join(", ", CoreCommands)}; a field name alone must follow a command (e.g. fields {word}).",
                    keyword);
        }
    }

    private UnsupportedCommand SkipUnsupported(Token keyword)
    {
        var depth = 0;
        _pos++;
        while (Current.Kind != TokenKind.End && !(depth == 0 && Current.Kind == TokenKind.Pipe))
        {
            if (Current.Kind is TokenKind.OpenParen or TokenKind.OpenBracket)
            {
                depth++;
            }
            else if (Current.Kind is TokenKind.CloseParen or TokenKind.CloseBracket)
            {
                depth--;
            }

            _pos++;
        }

        return new UnsupportedCommand(keyword.Text, Span(keyword), SpanFrom(keyword));
    }

    private StatsCommand ParseStats(Token keyword)
    {
        if (AtCommandEnd())
        {
            throw Error("'stats' needs at least one aggregate, e.g. stats count(*) by eventName.", keyword);
        }

        var aggregations = new List<ProjectionItem>();
        do
        {
            aggregations.Add(ParseProjection());
        }
        while (Accept(TokenKind.Comma));

        var groupBy = new List<ProjectionItem>();
        if (Current.IsKeyword("by"))
        {
            var by = Current;
            _pos++;
            if (AtCommandEnd())
            {
                throw Error("'by' needs at least one field or bin(...) to group by.", by);
            }

            do
            {
                groupBy.Add(ParseProjection());
            }
            while (Accept(TokenKind.Comma));
        }

        return new StatsCommand(aggregations, groupBy, keyword.Text, Span(keyword), SpanFrom(keyword));
    }

    private SortCommand ParseSort(Token keyword)
    {
        if (AtCommandEnd())
        {
            throw Error("'sort' needs a field, e.g. sort @timestamp desc.", keyword);
        }

        var keys = new List<SortKey>();
        do
        {
            var expression = ParseExpression();
            if (Current.IsKeyword("asc") || Current.IsKeyword("desc"))
            {
                keys.Add(new SortKey(expression, Current.IsKeyword("desc"), true));
                _pos++;
            }
            else
            {
                keys.Add(new SortKey(expression, Descending: true, DirectionWritten: false));
            }
        }
        while (Accept(TokenKind.Comma));

        return new SortCommand(keys, keyword.Text, Span(keyword), SpanFrom(keyword));
    }

    private LimitCommand ParseLimit(Token keyword)
    {
        var any = false;
        if (Current.IsKeyword("any"))
        {
            any = true;
            _pos++;
        }

        var number = Current;
        if (number.Kind != TokenKind.Number || !int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw Error("'limit' needs a whole number of rows, from 1 to 100000.", number.Kind == TokenKind.End ? keyword : number);
        }

        if (count is < 1 or > InsightsLimits.MaxLimit)
        {
            throw Error($"limit {count} is out of range: Logs Insights returns 1 to {InsightsLimits.MaxLimit} rows.", number);
        }

        _pos++;
        return new LimitCommand(count, any, keyword.Text, Span(keyword), SpanFrom(keyword));
    }

    private Command ParseParse(Token keyword)
    {
        FieldExpression source;
        if (Current.Kind is TokenKind.String or TokenKind.Regex)
        {
            source = FieldExpression.Simple("@message", Span(keyword));
        }
        else
        {
            source = ExpectField("'parse' needs a field and a pattern, e.g. parse @message \"user=*,\" as user");
        }

        var pattern = Current;
        if (pattern.Kind is not (TokenKind.String or TokenKind.Regex))
        {
            if (pattern.IsKeyword("logfmt") || pattern.IsKeyword("csv") || pattern.IsKeyword("json"))
            {
                // logfmt/csv/json modes exist on AWS; the offline engine runs glob and regex only.
                _pos--;
                while (_tokens[_pos] != keyword)
                {
                    _pos--;
                }

                return SkipUnsupported(keyword) with { Keyword = $"parse {pattern.Text}" };
            }

            throw Error("'parse' needs a pattern: a quoted glob (\"user=*,\") or a /regex/ with named groups.", pattern);
        }

        _pos++;
        var aliases = new List<string>();
        if (Current.IsKeyword("as"))
        {
            _pos++;
            do
            {
                aliases.Add(ExpectAlias());
            }
            while (Accept(TokenKind.Comma));
        }

        if (Current.IsKeyword("multi"))
        {
            var multi = Current;
            _pos++;
            return new UnsupportedCommand("parse … multi", Span(multi), SpanFrom(keyword));
        }

        var span = SpanFrom(keyword);
        if (pattern.Kind == TokenKind.String)
        {
            var stars = pattern.Text.Count(c => c == '*');
            if (stars == 0)
            {
                throw Error("a parse glob needs at least one '*' to capture, e.g. \"user=*,\".", pattern);
            }

            if (stars != aliases.Count)
            {
                throw Error($"this glob has {stars} '*' but {aliases.Count} field name(s) after 'as': the counts must match.", pattern);
            }

            return new ParseCommand(source, pattern.Text, null, aliases, Span(pattern), keyword.Text, Span(keyword), span);
        }

        return new ParseCommand(source, null, pattern.Text, aliases, Span(pattern), keyword.Text, Span(keyword), span);
    }

    private List<ProjectionItem> ParseProjectionList(string command)
    {
        if (AtCommandEnd())
        {
            throw Error($"'{command}' needs at least one field.", _tokens[_pos - 1]);
        }

        var items = new List<ProjectionItem>();
        do
        {
            items.Add(ParseProjection());
        }
        while (Accept(TokenKind.Comma));

        return items;
    }

    private ProjectionItem ParseProjection()
    {
        var expression = ParseExpression();
        var text = _text.Substring(expression.Span.Start, expression.Span.Length);
        string? alias = null;
        if (Current.IsKeyword("as"))
        {
            _pos++;
            alias = ExpectAlias();
        }

        return new ProjectionItem(expression, alias, text);
    }

    private string ExpectAlias()
    {
        var t = Current;
        if (t.Kind != TokenKind.Identifier)
        {
            throw Error($"expected a field name after 'as', found {Describe(t)}.", t);
        }

        _pos++;
        return t.Text;
    }

    private FieldExpression ExpectField(string message)
    {
        var t = Current;
        if (t.Kind != TokenKind.Identifier || (!t.Quoted && IsReserved(t.Text)))
        {
            throw Error($"{message}; found {Describe(t)}.", t);
        }

        _pos++;
        return new FieldExpression(t.Text, t.Segments!, Span(t));
    }

    // ---- expressions

    private Expression ParseExpression() => ParseOr();

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            _pos++;
            var right = ParseAnd();
            left = new BinaryExpression(BinaryOperator.Or, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("and"))
        {
            _pos++;
            var right = ParseNot();
            left = new BinaryExpression(BinaryOperator.And, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private Expression ParseNot()
    {
        if (Current.IsKeyword("not"))
        {
            var not = Current;
            _pos++;
            var operand = ParseNot();
            return new UnaryExpression(UnaryOperator.Not, operand, Span(not).Union(operand.Span));
        }

        return ParseComparison();
    }

    private Expression ParseComparison()
    {
        var left = ParseAdditive();
        var t = Current;
        BinaryOperator? op = t.Kind switch
        {
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            TokenKind.RegexMatch => BinaryOperator.RegexMatch,
            _ when t.IsKeyword("like") => BinaryOperator.Like,
            _ when t.IsKeyword("in") => BinaryOperator.In,
            _ when t.IsKeyword("not") && (Peek(1).IsKeyword("like") || Peek(1).IsKeyword("in")) =>
                Peek(1).IsKeyword("like") ? BinaryOperator.NotLike : BinaryOperator.NotIn,
            _ => null,
        };
        if (op is null)
        {
            return left;
        }

        _pos += op is BinaryOperator.NotLike or BinaryOperator.NotIn ? 2 : 1;
        Expression right;
        switch (op)
        {
            case BinaryOperator.In or BinaryOperator.NotIn:
                if (Current.Kind == TokenKind.Parameter)
                {
                    right = ParsePrimary();
                    break;
                }

                if (Current.Kind != TokenKind.OpenBracket)
                {
                    throw Error("'in' needs a list in brackets, e.g. eventName in [\"StopLogging\", \"DeleteTrail\"].", Current);
                }

                right = ParsePrimary();
                break;
            case BinaryOperator.Like or BinaryOperator.NotLike:
                if (Current.Kind is not (TokenKind.String or TokenKind.Regex or TokenKind.Parameter))
                {
                    throw Error("'like' needs a quoted string (substring match) or a /regex/.", Current);
                }

                right = ParsePrimary();
                break;
            case BinaryOperator.RegexMatch:
                if (Current.Kind is not (TokenKind.Regex or TokenKind.String or TokenKind.Parameter))
                {
                    throw Error("'=~' needs a /regex/.", Current);
                }

                right = ParsePrimary();
                break;
            default:
                right = ParseAdditive();
                break;
        }

        var result = new BinaryExpression(op.Value, left, right, left.Span.Union(right.Span));
        if (Current.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual)
        {
            throw Error("comparisons cannot be chained; combine them with 'and' (e.g. status >= 400 and status <= 499).", Current);
        }

        return result;
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            _pos++;
            var right = ParseMultiplicative();
            left = new BinaryExpression(op, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParsePower();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Current.Kind switch { TokenKind.Star => BinaryOperator.Multiply, TokenKind.Slash => BinaryOperator.Divide, _ => BinaryOperator.Modulo };
            _pos++;
            var right = ParsePower();
            left = new BinaryExpression(op, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private Expression ParsePower()
    {
        var left = ParseUnary();
        if (Current.Kind == TokenKind.Caret)
        {
            _pos++;
            var right = ParsePower();
            return new BinaryExpression(BinaryOperator.Power, left, right, left.Span.Union(right.Span));
        }

        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var minus = Current;
            _pos++;
            var operand = ParseUnary();
            if (operand is ConstantExpression { Value.Kind: ValueKind.Number } c)
            {
                return new ConstantExpression(Value.FromNumber(-c.Value.Number), Span(minus).Union(c.Span));
            }

            return new UnaryExpression(UnaryOperator.Negate, operand, Span(minus).Union(operand.Span));
        }

        return ParsePostfix();
    }

    // Map and list access on jsonParse results: x[1], jsonParse(s).key, x[1].key.
    private Expression ParsePostfix()
    {
        var target = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.OpenBracket && target is FieldExpression or CallExpression or AccessorExpression && Peek(1).Kind == TokenKind.Number && Peek(2).Kind == TokenKind.CloseBracket)
            {
                var index = Peek(1);
                var close = Peek(2);
                _pos += 3;
                target = new AccessorExpression(target, index.Text, true, target.Span.Union(Span(close)));
                continue;
            }

            if (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier)
            {
                var member = Peek(1);
                _pos += 2;

                // `.a.b` after ')' or ']' is one dotted token: each segment is one member access.
                foreach (var segment in member.Segments ?? [member.Text])
                {
                    target = new AccessorExpression(target, segment, false, target.Span.Union(Span(member)));
                }

                continue;
            }

            return target;
        }
    }

    private Expression ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _pos++;
                return new ConstantExpression(Value.FromJsonNumber(double.Parse(t.Text, CultureInfo.InvariantCulture), t.Text), Span(t));
            case TokenKind.String:
                _pos++;
                return new ConstantExpression(Value.FromString(t.Text), Span(t));
            case TokenKind.Regex:
                _pos++;
                return new RegexExpression(t.Text, Span(t));
            case TokenKind.Parameter:
                _pos++;
                return new ParameterExpression(t.Text, Span(t));
            case TokenKind.Period:
                {
                    _pos++;
                    var digits = new string(t.Text.TakeWhile(char.IsAsciiDigit).ToArray());
                    Period.TryParseUnit(t.Text[digits.Length..], out var unit);
                    var amount = long.Parse(digits, CultureInfo.InvariantCulture);
                    if (amount < 1)
                    {
                        throw Error("a time period must be at least 1 unit.", t);
                    }

                    return new PeriodExpression(new Period(amount, unit), Span(t));
                }

            case TokenKind.OpenParen:
                {
                    _pos++;
                    var inner = ParseExpression();
                    var close = Expect(TokenKind.CloseParen, "a ')' to close this '('", t);
                    return inner with { Span = Span(t).Union(Span(close)) };
                }

            case TokenKind.OpenBracket:
                {
                    _pos++;
                    var items = new List<Expression>();
                    if (Current.Kind != TokenKind.CloseBracket)
                    {
                        do
                        {
                            var item = ParseUnary();
                            if (item is not (ConstantExpression or ParameterExpression))
                            {
                                throw Error("list items must be quoted strings or numbers.", _tokens[_pos - 1]);
                            }

                            items.Add(item);
                        }
                        while (Accept(TokenKind.Comma));
                    }

                    var close = Expect(TokenKind.CloseBracket, "a ']' to close this list", t);
                    return new ListExpression(items, Span(t).Union(Span(close)));
                }

            case TokenKind.Identifier:
                if (!t.Quoted && Peek(1).Kind == TokenKind.OpenParen)
                {
                    return ParseCall(t);
                }

                if (!t.Quoted && IsReserved(t.Text))
                {
                    throw Error($"'{t.Text}' is a keyword, not a value; to use a field with that name, write it in backticks (`{t.Text}`).", t);
                }

                _pos++;
                return new FieldExpression(t.Text, t.Segments!, Span(t));
            case TokenKind.End:
                throw Error("the query ends where a value was expected.", t);
            default:
                throw Error($"expected a field, a value or a function, found {Describe(t)}.", t);
        }
    }

    private CallExpression ParseCall(Token name)
    {
        if (name.Segments!.Count > 1)
        {
            throw Error($"'{name.Text}' is not a function name.", name);
        }

        _pos += 2;
        var args = new List<Expression>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            do
            {
                if (Current.Kind == TokenKind.Star && Peek(1).Kind is TokenKind.CloseParen or TokenKind.Comma)
                {
                    args.Add(new StarExpression(Span(Current)));
                    _pos++;
                }
                else
                {
                    args.Add(ParseExpression());
                }
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.CloseParen, $"a ')' to close the call to {name.Text}", name);
        return new CallExpression(name.Text, args, Span(name), Span(name).Union(Span(close)));
    }

    // ---- helpers

    private static bool IsReserved(string word) =>
        word.ToUpperInvariant() is "AND" or "OR" or "NOT" or "LIKE" or "IN" or "AS" or "BY" or "ASC" or "DESC";

    private bool AtCommandEnd() => Current.Kind is TokenKind.End or TokenKind.Pipe;

    private Token Peek(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind, string what, Token opener)
    {
        if (Current.Kind != kind)
        {
            throw Error($"expected {what}, found {Describe(Current)}.", Current.Kind == TokenKind.End ? opener : Current);
        }

        return _tokens[_pos++];
    }

    private static TextSpan Span(Token t) => new(t.Start, Math.Max(0, t.Length));

    private TextSpan SpanFrom(Token first)
    {
        var last = _tokens[Math.Max(0, _pos - 1)];
        return new TextSpan(first.Start, Math.Max(first.Length, last.Start + last.Length - first.Start));
    }

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.End => "the end of the query",
        TokenKind.String => $"the string \"{t.Text}\"",
        TokenKind.Regex => $"the regex /{t.Text}/",
        TokenKind.Identifier => $"'{t.Text}'",
        TokenKind.Parameter => $"the parameter ${t.Text}",
        _ => $"'{t.Text}'",
    };

    private InsightsQueryException Error(string message, Token at) =>
        new(message, _text, at.Start, Math.Max(1, at.Length));
}
