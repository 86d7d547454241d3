using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Turns <c>x not like p</c> into <c>not (x like p)</c> and <c>x not in L</c> into <c>not (x in L)</c>, which pins the
/// engine's rule that a negated match is the exact complement of the match (so an event without <c>x</c> passes
/// <c>x not like p</c>, as it passes <c>x != v</c>).
/// </summary>
public sealed class NegatedMatchRewriter : ExpressionRewriter
{
    /// <summary>The one instance.</summary>
    public static NegatedMatchRewriter Instance { get; } = new();

    /// <inheritdoc />
    protected override Expression RewriteBinary(BinaryExpression node)
    {
        var rewritten = (BinaryExpression)base.RewriteBinary(node);
        return rewritten.Operator switch
        {
            BinaryOperator.NotLike => new UnaryExpression(UnaryOperator.Not, rewritten with { Operator = BinaryOperator.Like }, rewritten.Span),
            BinaryOperator.NotIn => new UnaryExpression(UnaryOperator.Not, rewritten with { Operator = BinaryOperator.In }, rewritten.Span),
            _ => rewritten,
        };
    }
}
