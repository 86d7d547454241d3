using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>Lists the field names an expression reads.</summary>
public static class FieldReferences
{
    /// <summary>The fields <paramref name="expression"/> reads, in order of appearance, each once.</summary>
    public static IReadOnlyList<FieldExpression> Of(Expression expression)
    {
        var list = new List<FieldExpression>();
        Collect(expression, list);
        return list;
    }

    private static void Collect(Expression e, List<FieldExpression> into)
    {
        switch (e)
        {
            case FieldExpression f:
                if (!into.Any(x => x.Name == f.Name))
                {
                    into.Add(f);
                }

                break;
            case BinaryExpression b:
                Collect(b.Left, into);
                Collect(b.Right, into);
                break;
            case UnaryExpression u:
                Collect(u.Operand, into);
                break;
            case AccessorExpression a:
                Collect(a.Target, into);
                break;
            case CallExpression c:
                foreach (var a in c.Arguments)
                {
                    Collect(a, into);
                }

                break;
            case ListExpression l:
                foreach (var i in l.Items)
                {
                    Collect(i, into);
                }

                break;
        }
    }
}
