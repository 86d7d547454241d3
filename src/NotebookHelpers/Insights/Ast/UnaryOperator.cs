namespace NotebookHelpers.Insights.Ast;

/// <summary>The unary operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>not</c>.</summary>
    Not,

    /// <summary>Arithmetic <c>-</c>.</summary>
    Negate,
}
