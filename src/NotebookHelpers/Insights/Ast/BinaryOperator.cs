namespace NotebookHelpers.Insights.Ast;

/// <summary>The binary operators, from comparison to set membership.</summary>
public enum BinaryOperator
{
    /// <summary><c>or</c>.</summary>
    Or,

    /// <summary><c>and</c>.</summary>
    And,

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

    /// <summary><c>like</c> with a string (substring) or a regex.</summary>
    Like,

    /// <summary><c>not like</c>.</summary>
    NotLike,

    /// <summary><c>=~</c>: regex match.</summary>
    RegexMatch,

    /// <summary><c>in [list]</c>.</summary>
    In,

    /// <summary><c>not in [list]</c>.</summary>
    NotIn,

    /// <summary><c>+</c>.</summary>
    Add,

    /// <summary><c>-</c>.</summary>
    Subtract,

    /// <summary><c>*</c>.</summary>
    Multiply,

    /// <summary><c>/</c>.</summary>
    Divide,

    /// <summary><c>%</c>.</summary>
    Modulo,

    /// <summary><c>^</c>.</summary>
    Power,
}
