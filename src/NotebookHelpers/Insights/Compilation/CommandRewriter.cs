using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>Applies an expression rewrite to every expression of a command.</summary>
public static class CommandRewriter
{
    /// <summary>The command with <paramref name="rewriter"/> applied to its expressions.</summary>
    public static Command Rewrite(Command command, ExpressionRewriter rewriter)
    {
        ArgumentNullException.ThrowIfNull(rewriter);
        return command switch
        {
            FilterCommand f => f with { Condition = rewriter.Rewrite(f.Condition) },
            FieldsCommand f => f with { Items = Items(f.Items, rewriter) },
            DisplayCommand d => d with { Items = Items(d.Items, rewriter) },
            StatsCommand s => s with { Aggregations = Items(s.Aggregations, rewriter), GroupBy = Items(s.GroupBy, rewriter) },
            SortCommand s => s with { Keys = [.. s.Keys.Select(k => k with { Expression = rewriter.Rewrite(k.Expression) })] },
            _ => command,
        };
    }

    private static List<ProjectionItem> Items(IReadOnlyList<ProjectionItem> items, ExpressionRewriter rewriter) =>
        [.. items.Select(i => i with { Expression = rewriter.Rewrite(i.Expression) })];
}
