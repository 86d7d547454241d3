using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Base of the named rewrites: walks a tree bottom-up and rebuilds only what changed. Each rewrite overrides the
/// node kinds it cares about and is testable on its own.
/// </summary>
public abstract class ExpressionRewriter
{
    /// <summary>Rewrites <paramref name="expression"/>.</summary>
    public virtual Expression Rewrite(Expression expression) => expression switch
    {
        BinaryExpression b => RewriteBinary(b),
        UnaryExpression u => RewriteUnary(u),
        CallExpression c => RewriteCall(c),
        ListExpression l => RewriteList(l),
        FieldExpression f => RewriteField(f),
        ParameterExpression p => RewriteParameter(p),
        AccessorExpression a => RewriteAccessor(a),
        _ => expression,
    };

    /// <summary>Rewrites map/list access (its target first).</summary>
    protected virtual Expression RewriteAccessor(AccessorExpression node)
    {
        var target = Rewrite(node.Target);
        return ReferenceEquals(target, node.Target) ? node : node with { Target = target };
    }

    /// <summary>Rewrites a binary node (children first).</summary>
    protected virtual Expression RewriteBinary(BinaryExpression node)
    {
        var left = Rewrite(node.Left);
        var right = Rewrite(node.Right);
        return ReferenceEquals(left, node.Left) && ReferenceEquals(right, node.Right) ? node : node with { Left = left, Right = right };
    }

    /// <summary>Rewrites a unary node (operand first).</summary>
    protected virtual Expression RewriteUnary(UnaryExpression node)
    {
        var operand = Rewrite(node.Operand);
        return ReferenceEquals(operand, node.Operand) ? node : node with { Operand = operand };
    }

    /// <summary>Rewrites a call (arguments first).</summary>
    protected virtual Expression RewriteCall(CallExpression node)
    {
        var args = RewriteAll(node.Arguments);
        return args is null ? node : node with { Arguments = args };
    }

    /// <summary>Rewrites a list (items first).</summary>
    protected virtual Expression RewriteList(ListExpression node)
    {
        var items = RewriteAll(node.Items);
        return items is null ? node : node with { Items = items };
    }

    /// <summary>Rewrites a field reference.</summary>
    protected virtual Expression RewriteField(FieldExpression node) => node;

    /// <summary>Rewrites a parameter.</summary>
    protected virtual Expression RewriteParameter(ParameterExpression node) => node;

    private List<Expression>? RewriteAll(IReadOnlyList<Expression> items)
    {
        List<Expression>? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            var rewritten = Rewrite(items[i]);
            if (result is null && !ReferenceEquals(rewritten, items[i]))
            {
                result = [.. items.Take(i)];
            }

            result?.Add(rewritten);
        }

        return result;
    }
}
