using System.Text;

namespace NotebookHelpers.Insights.Parsing;

/// <summary>
/// Splits a query into tokens with positions. Lexical rules (docs/logs-insights-semantics.md):
/// <c>#</c> outside a string, regex or backtick name starts a comment to the end of the line; strings take single or
/// double quotes, in which <c>\\</c>, <c>\"</c> and <c>\'</c> are escapes and any other backslash is kept as written;
/// <c>/</c> starts a regex literal where an operand is expected (after an operator, <c>(</c>, <c>,</c>, <c>like</c>,
/// or the command word and field of <c>parse</c>) and is division after an operand.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="query"/>; the last token is <see cref="TokenKind.End"/>.</summary>
    /// <exception cref="InsightsQueryException">An unterminated string, regex or backtick name, or an unknown character.</exception>
    public static IReadOnlyList<Token> Tokenize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipBlanksAndComments(query, i);
            if (i >= query.Length)
            {
                tokens.Add(new Token(TokenKind.End, query.Length, 0, string.Empty));
                return tokens;
            }

            var c = query[i];
            var start = i;
            Token token;
            switch (c)
            {
                case '|': token = Punct(TokenKind.Pipe, ref i); break;
                case ',': token = Punct(TokenKind.Comma, ref i); break;
                case '(': token = Punct(TokenKind.OpenParen, ref i); break;
                case ')': token = Punct(TokenKind.CloseParen, ref i); break;
                case '[': token = Punct(TokenKind.OpenBracket, ref i); break;
                case ']': token = Punct(TokenKind.CloseBracket, ref i); break;
                case '+': token = Punct(TokenKind.Plus, ref i); break;
                case '-': token = Punct(TokenKind.Minus, ref i); break;
                case '*': token = Punct(TokenKind.Star, ref i); break;
                case '%': token = Punct(TokenKind.Percent, ref i); break;
                case '^': token = Punct(TokenKind.Caret, ref i); break;
                case ':': token = Punct(TokenKind.Colon, ref i); break;
                case '=':
                    token = At(query, i + 1) == '~' ? Punct(TokenKind.RegexMatch, ref i, 2)
                        : At(query, i + 1) == '=' ? Punct(TokenKind.Equal, ref i, 2)
                        : Punct(TokenKind.Equal, ref i);
                    break;
                case '!':
                    if (At(query, i + 1) != '=')
                    {
                        throw new InsightsQueryException("'!' on its own is not an operator; use '!=' or 'not'.", query, i);
                    }

                    token = Punct(TokenKind.NotEqual, ref i, 2);
                    break;
                case '<':
                    token = At(query, i + 1) == '=' ? Punct(TokenKind.LessOrEqual, ref i, 2)
                        : At(query, i + 1) == '>' ? Punct(TokenKind.NotEqual, ref i, 2)
                        : Punct(TokenKind.Less, ref i);
                    break;
                case '>': token = At(query, i + 1) == '=' ? Punct(TokenKind.GreaterOrEqual, ref i, 2) : Punct(TokenKind.Greater, ref i); break;
                case '"' or '\'': token = ReadString(query, ref i); break;
                case '/':
                    token = RegexExpected(tokens) ? ReadRegex(query, ref i) : Punct(TokenKind.Slash, ref i);
                    break;
                case '$': token = ReadParameter(query, ref i); break;
                default:
                    if (c == '.' && tokens.Count > 0 && tokens[^1].Kind is TokenKind.CloseParen or TokenKind.CloseBracket)
                    {
                        token = Punct(TokenKind.Dot, ref i);
                    }
                    else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(query, i + 1))))
                    {
                        token = ReadNumber(query, ref i);
                    }
                    else if (IsNameStart(c) || c == '`')
                    {
                        token = ReadIdentifier(query, ref i);
                    }
                    else
                    {
                        throw new InsightsQueryException(
                            $"unexpected character '{c}'. Field names with characters other than letters, digits, '_', '@' and '.' must be in backticks (`foo-bar`), and values in quotes.",
                            query,
                            start);
                    }

                    break;
            }

            tokens.Add(token);
        }

        Token Punct(TokenKind kind, ref int pos, int length = 1)
        {
            var t = new Token(kind, pos, length, query.Substring(pos, length));
            pos += length;
            return t;
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '@';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '.';

    private static int SkipBlanksAndComments(string q, int i)
    {
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i]))
            {
                i++;
            }
            else if (q[i] == '#')
            {
                while (i < q.Length && q[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // A regex may start where an operand is expected; after an operand, '/' divides.
    private static bool RegexExpected(List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }

        var last = tokens[^1];
        switch (last.Kind)
        {
            case TokenKind.Number or TokenKind.Period or TokenKind.String or TokenKind.Regex or TokenKind.Parameter
                or TokenKind.CloseParen or TokenKind.CloseBracket:
                return false;
            case TokenKind.Identifier:
                if (last.Quoted)
                {
                    return tokens.Count >= 2 && tokens[^2].IsKeyword("parse");
                }

                if (last.IsKeyword("like") || last.IsKeyword("parse") || last.IsKeyword("and") || last.IsKeyword("or") || last.IsKeyword("not"))
                {
                    return true;
                }

                // The field of `parse FIELD /regex/`.
                return tokens.Count >= 2 && tokens[^2].IsKeyword("parse");
            default:
                return true;
        }
    }

    private static Token ReadString(string q, ref int i)
    {
        var start = i;
        var quote = q[i++];
        var sb = new StringBuilder();
        while (i < q.Length)
        {
            var c = q[i];
            if (c == '\\' && i + 1 < q.Length && q[i + 1] is '\\' or '"' or '\'')
            {
                sb.Append(q[i + 1]);
                i += 2;
                continue;
            }

            if (c == quote)
            {
                i++;
                return new Token(TokenKind.String, start, i - start, sb.ToString());
            }

            sb.Append(c);
            i++;
        }

        throw new InsightsQueryException($"this string has no closing {quote}.", q, start, q.Length - start);
    }

    private static Token ReadRegex(string q, ref int i)
    {
        var start = i++;
        var sb = new StringBuilder();
        while (i < q.Length)
        {
            var c = q[i];
            if (c == '\\' && i + 1 < q.Length)
            {
                if (q[i + 1] == '/')
                {
                    sb.Append('/');
                }
                else
                {
                    sb.Append(c).Append(q[i + 1]);
                }

                i += 2;
                continue;
            }

            if (c == '/')
            {
                i++;
                return new Token(TokenKind.Regex, start, i - start, sb.ToString());
            }

            sb.Append(c);
            i++;
        }

        throw new InsightsQueryException("this regular expression has no closing '/'. Write a '/' inside a regex as '\\/'.", q, start, q.Length - start);
    }

    private static Token ReadParameter(string q, ref int i)
    {
        var start = i++;
        while (i < q.Length && (char.IsLetterOrDigit(q[i]) || q[i] == '_'))
        {
            i++;
        }

        if (i == start + 1)
        {
            throw new InsightsQueryException("'$' must be followed by a parameter name, e.g. $accessKey.", q, start);
        }

        return new Token(TokenKind.Parameter, start, i - start, q.Substring(start + 1, i - start - 1));
    }

    private static Token ReadNumber(string q, ref int i)
    {
        var start = i;
        while (i < q.Length && char.IsAsciiDigit(q[i]))
        {
            i++;
        }

        if (At(q, i) == '.' && char.IsAsciiDigit(At(q, i + 1)))
        {
            i++;
            while (i < q.Length && char.IsAsciiDigit(q[i]))
            {
                i++;
            }
        }

        var number = q[start..i];
        if (i < q.Length && char.IsLetter(q[i]))
        {
            var unitStart = i;
            while (i < q.Length && char.IsLetter(q[i]))
            {
                i++;
            }

            var unit = q[unitStart..i];
            if (number.Contains('.', StringComparison.Ordinal) || !Runtime.Period.TryParseUnit(unit, out _))
            {
                throw new InsightsQueryException(
                    $"'{q[start..i]}' is not a number or a time period. Periods are a whole number and a unit: ms, s, m, h, d, w, mo, q, y (e.g. 5m).",
                    q,
                    start,
                    i - start);
            }

            return new Token(TokenKind.Period, start, i - start, q[start..i]);
        }

        return new Token(TokenKind.Number, start, i - start, number);
    }

    // AWS's rule (CWL_QuerySyntax-Guidelines): a field name with characters other than letters, digits, '@' and '.'
    // goes in backticks as a whole, dots included (`requestParameters.x-amz-server-side-encryption`, and
    // @`aws.tag.aws:cloudformation:stack-name` for a system field): the dots of such a name still separate its path.
    // A backticked part after a dot is one map key (json_message.`user.id`).
    private static Token ReadIdentifier(string q, ref int i)
    {
        var start = i;
        var segments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var endsQuoted = false;
        while (i < q.Length)
        {
            var c = q[i];
            if (c == '`')
            {
                var close = q.IndexOf('`', i + 1);
                if (close < 0)
                {
                    throw new InsightsQueryException("this field name has no closing backtick (`).", q, i, q.Length - i);
                }

                var content = q.AsSpan(i + 1, close - i - 1);
                if (segments.Count == 0 && current.ToString() is "" or "@")
                {
                    var parts = content.ToString().Split('.');
                    current.Append(parts[0]);
                    foreach (var part in parts.Skip(1))
                    {
                        segments.Add(current.ToString());
                        current.Clear().Append(part);
                    }
                }
                else
                {
                    current.Append(content);
                }

                quoted = true;
                endsQuoted = true;
                i = close + 1;
                continue;
            }

            if (c == '.')
            {
                if (!IsNamePart(At(q, i + 1)) && At(q, i + 1) != '`')
                {
                    break;
                }

                segments.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }

            if (!IsNamePart(c))
            {
                break;
            }

            current.Append(c);
            endsQuoted = false;
            i++;
        }

        segments.Add(current.ToString());
        if (segments.Any(s => s.Length == 0))
        {
            throw new InsightsQueryException("a field name has an empty part (two dots in a row, or an empty ``).", q, start, i - start);
        }

        if (!endsQuoted)
        {
            RefuseUnquotedSpecialCharacters(q, start, i, segments.Count > 1);
        }

        return new Token(TokenKind.Identifier, start, i - start, string.Join('.', segments), segments, quoted);
    }

    // Written without backticks, requestParameters.x-amz-server-side-encryption reads as a subtraction of four fields
    // that are never present, so a filter on it silently matches nothing; a name glued to ':' cannot parse at all.
    // Both get the backticked form to use. Subtraction stays possible with blanks around '-' (a.b - c).
    private static void RefuseUnquotedSpecialCharacters(string q, int start, int end, bool dotted)
    {
        var next = At(q, end);
        var after = At(q, end + 1);
        var glued = (next == '-' && dotted && (char.IsLetter(after) || after == '_'))
            || (next == ':' && (char.IsLetterOrDigit(after) || after is '_' or '@'));
        if (!glued)
        {
            return;
        }

        var stop = end;
        while (stop < q.Length && (IsNamePart(q[stop]) || q[stop] is '-' or ':'))
        {
            stop++;
        }

        var written = q[start..stop].TrimEnd('.');
        var suggestion = written.StartsWith('@') ? "@`" + written[1..] + "`" : "`" + written + "`";
        var reading = next == '-'
            ? $"Without them it reads as a subtraction ({string.Join(" - ", written.Split('-'))}), which matches nothing; to subtract, put blanks around '-'."
            : "Without them ':' cannot be part of a name.";
        throw new InsightsQueryException(
            $"'{written}' contains '{next}': a field name with characters other than letters, digits, '_', '@' and '.' goes in backticks as a whole, dots included: {suggestion}. {reading}",
            q,
            start,
            written.Length);
    }
}
