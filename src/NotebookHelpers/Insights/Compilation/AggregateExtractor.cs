using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Runtime;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Pulls the aggregate calls out of one <c>stats</c> item: <c>sum(bytes)/1024/1024</c> becomes <c>slot0/1024/1024</c>
/// with <c>sum(bytes)</c> recorded in <see cref="Aggregates"/>. The engine then runs the aggregates per group and
/// evaluates the rest over their results, which is how arithmetic across aggregates works.
/// Aggregates nested inside aggregates are rejected.
/// </summary>
public sealed class AggregateExtractor : ExpressionRewriter
{
    private readonly List<CallExpression> _aggregates;

    /// <summary>Creates an extractor that appends to an existing list (one list per stats command).</summary>
    public AggregateExtractor(List<CallExpression> aggregates) => _aggregates = aggregates;

    /// <summary>The aggregate calls found so far, in order; slot <c>i</c> is the i-th.</summary>
    public IReadOnlyList<CallExpression> Aggregates => _aggregates;

    /// <inheritdoc />
    protected override Expression RewriteCall(CallExpression node)
    {
        if (!Aggregators.IsAggregate(node.Name))
        {
            return base.RewriteCall(node);
        }

        foreach (var arg in node.Arguments)
        {
            if (ContainsAggregate(arg))
            {
                throw new InsightsCompileException($"an aggregate cannot contain another aggregate ({node.Name}(...)).", arg.Span);
            }
        }

        _aggregates.Add(node);
        return new AggregateSlotExpression(_aggregates.Count - 1, node.Span);
    }

    /// <summary>True when the expression contains an aggregate call.</summary>
    public static bool ContainsAggregate(Expression expression) => expression switch
    {
        CallExpression c => Aggregators.IsAggregate(c.Name) || c.Arguments.Any(ContainsAggregate),
        BinaryExpression b => ContainsAggregate(b.Left) || ContainsAggregate(b.Right),
        UnaryExpression u => ContainsAggregate(u.Operand),
        _ => false,
    };
}
