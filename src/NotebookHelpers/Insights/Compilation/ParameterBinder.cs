using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Replaces <c>$name</c> parameters with their values: a single value becomes a literal, a list becomes a list literal
/// for <c>in</c>. Values never pass through query text, so nothing in them can change the query's structure.
/// </summary>
public sealed class ParameterBinder : ExpressionRewriter
{
    private readonly IReadOnlyDictionary<string, ParameterValue> _values;

    /// <summary>Creates a binder over bound parameter values.</summary>
    public ParameterBinder(IReadOnlyDictionary<string, ParameterValue> values) => _values = values;

    /// <inheritdoc />
    protected override Expression RewriteParameter(ParameterExpression node)
    {
        if (!_values.TryGetValue(node.Name, out var bound))
        {
            return node;
        }

        return bound.IsList
            ? new ListExpression([.. bound.Values.Select(v => (Expression)new ConstantExpression(v, node.Span))], node.Span)
            : new ConstantExpression(bound.Values[0], node.Span);
    }
}
