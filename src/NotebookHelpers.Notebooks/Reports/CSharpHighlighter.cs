using System.Text;
using NotebookHelpers.Html;

namespace NotebookHelpers.Notebooks.Reports;

/// <summary>
/// A small lexical highlighter for C# cells in reports: comments, strings, numbers, keywords and notebook directives
/// (<c>#r</c>, <c>#!</c>) get a class; everything is HTML-encoded. It does not parse; it only has to look right.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "init", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "not", "null", "object", "operator", "or",
        "and", "out", "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return",
        "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw",
        "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void",
        "volatile", "when", "where", "while", "with", "yield",
    };

    /// <summary>The highlighted HTML of <paramref name="code"/> (content for a <c>&lt;code&gt;</c> element).</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var sb = new StringBuilder(code.Length * 2);
        var i = 0;
        var lineStart = true;
        while (i < code.Length)
        {
            var c = code[i];
            int end;
            if (lineStart && c == '#' )
            {
                end = LineEnd(code, i);
                Span(sb, "directive", code[i..end]);
            }
            else if (c == '/' && Peek(code, i + 1) == '/')
            {
                end = LineEnd(code, i);
                Span(sb, "comment", code[i..end]);
            }
            else if (c == '/' && Peek(code, i + 1) == '*')
            {
                var close = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = close < 0 ? code.Length : close + 2;
                Span(sb, "comment", code[i..end]);
            }
            else if (c == '"' || ((c is '$' or '@') && (Peek(code, i + 1) == '"' || (Peek(code, i + 1) is '$' or '@' && Peek(code, i + 2) == '"'))))
            {
                end = StringEnd(code, i);
                Span(sb, "string", code[i..end]);
            }
            else if (c == '\'')
            {
                end = QuotedEnd(code, i + 1, '\'', escapes: true);
                Span(sb, "string", code[i..end]);
            }
            else if (char.IsAsciiDigit(c))
            {
                end = i + 1;
                while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] is '.' or '_'))
                {
                    end++;
                }

                Span(sb, "number", code[i..end]);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                end = i + 1;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                var word = code[i..end];
                if (Keywords.Contains(word))
                {
                    Span(sb, "keyword", word);
                }
                else
                {
                    sb.Append(HtmlText.Encode(word));
                }
            }
            else
            {
                end = i + 1;
                sb.Append(HtmlText.Encode(c.ToString()));
            }

            for (var k = i; k < end; k++)
            {
                if (code[k] == '\n')
                {
                    lineStart = true;
                }
                else if (!char.IsWhiteSpace(code[k]))
                {
                    lineStart = false;
                }
            }

            i = end;
        }

        return sb.ToString();
    }

    private static char Peek(string code, int index) => index < code.Length ? code[index] : '\0';

    private static int LineEnd(string code, int start)
    {
        var newline = code.IndexOf('\n', start);
        return newline < 0 ? code.Length : newline;
    }

    private static int StringEnd(string code, int start)
    {
        var i = start;
        var verbatim = false;
        while (code[i] is '$' or '@')
        {
            verbatim |= code[i] == '@';
            i++;
        }

        if (code.AsSpan(i).StartsWith("\"\"\""))
        {
            var close = code.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + 3;
        }

        return QuotedEnd(code, i + 1, '"', escapes: !verbatim);
    }

    private static int QuotedEnd(string code, int i, char quote, bool escapes)
    {
        while (i < code.Length)
        {
            if (escapes && code[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (code[i] == quote)
            {
                if (!escapes && Peek(code, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (code[i] == '\n' && escapes)
            {
                return i;
            }

            i++;
        }

        return code.Length;
    }

    private static void Span(StringBuilder sb, string kind, string text) =>
        sb.Append("<span class=\"").Append(kind).Append("\">").Append(HtmlText.Encode(text)).Append("</span>");
}
