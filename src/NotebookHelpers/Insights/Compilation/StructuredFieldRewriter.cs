using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// Turns a dotted field whose leading segments name a map or list made earlier in the query into member access:
/// after <c>fields jsonParse(@message) as j</c>, <c>j.users.1.action</c> reads the member <c>users</c> of
/// <c>j</c>, then item 1, then <c>action</c>; <c>j.`user.id`</c> reads the member <c>user.id</c>. Other dotted
/// fields stay flattened event fields.
/// </summary>
public sealed class StructuredFieldRewriter : ExpressionRewriter
{
    private readonly IReadOnlySet<string> _structured;

    /// <summary>Creates the rewrite for the fields that may hold maps or lists.</summary>
    public StructuredFieldRewriter(IReadOnlySet<string> structured)
    {
        ArgumentNullException.ThrowIfNull(structured);
        _structured = structured;
    }

    /// <inheritdoc />
    protected override Expression RewriteField(FieldExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Segments.Count < 2 || _structured.Count == 0 || _structured.Contains(node.Name))
        {
            return node;
        }

        // The longest leading path that names a map or list wins, as a field named "a.b" shadows member b of a.
        for (var take = node.Segments.Count - 1; take >= 1; take--)
        {
            var prefix = string.Join('.', node.Segments.Take(take));
            if (!_structured.Contains(prefix))
            {
                continue;
            }

            Expression target = new FieldExpression(prefix, [.. node.Segments.Take(take)], node.Span);
            foreach (var member in node.Segments.Skip(take))
            {
                target = new AccessorExpression(target, member, IsIndex: false, node.Span);
            }

            return target;
        }

        return node;
    }
}
