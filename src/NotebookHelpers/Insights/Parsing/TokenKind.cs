namespace NotebookHelpers.Insights.Parsing;

/// <summary>The kinds of token in a Logs Insights query.</summary>
public enum TokenKind
{
    /// <summary>End of the query.</summary>
    End,

    /// <summary>A bare or backtick-quoted name: a command word, keyword, function name, field or alias.</summary>
    Identifier,

    /// <summary>A quoted string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A time period: <c>5m</c>, <c>1h</c>.</summary>
    Period,

    /// <summary>A regex literal <c>/…/</c>.</summary>
    Regex,

    /// <summary>A named parameter <c>$name</c>.</summary>
    Parameter,

    /// <summary><c>|</c>.</summary>
    Pipe,

    /// <summary><c>,</c>.</summary>
    Comma,

    /// <summary><c>(</c>.</summary>
    OpenParen,

    /// <summary><c>)</c>.</summary>
    CloseParen,

    /// <summary><c>[</c>.</summary>
    OpenBracket,

    /// <summary><c>]</c>.</summary>
    CloseBracket,

    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>=~</c>.</summary>
    RegexMatch,

    /// <summary><c>+</c>.</summary>
    Plus,

    /// <summary><c>-</c>.</summary>
    Minus,

    /// <summary><c>*</c>.</summary>
    Star,

    /// <summary><c>/</c> as division.</summary>
    Slash,

    /// <summary><c>%</c>.</summary>
    Percent,

    /// <summary><c>^</c>.</summary>
    Caret,

    /// <summary><c>.</c> after a call or index, as in <c>jsonParse(s).key</c>.</summary>
    Dot,

    /// <summary><c>:</c> (only inside commands the engine skips, such as <c>SOURCE logGroups(namePrefix: […])</c>).</summary>
    Colon,
}
