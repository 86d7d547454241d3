namespace NotebookHelpers.Insights.Ast;

/// <summary>An expression with an optional alias, as in <c>fields</c>, <c>display</c> and <c>stats</c>.</summary>
/// <param name="Expression">The expression.</param>
/// <param name="Alias">The <c>as</c> name, or null.</param>
/// <param name="Text">The expression exactly as written, which names the column when there is no alias.</param>
public sealed record ProjectionItem(Expression Expression, string? Alias, string Text)
{
    /// <summary>The column name: the alias, else the expression as written.</summary>
    public string Name => Alias ?? (Expression is FieldExpression f ? f.Name : Text);
}
