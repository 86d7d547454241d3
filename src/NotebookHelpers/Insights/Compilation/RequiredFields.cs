using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// The fields a filter condition cannot be true without: <c>errorCode like /Denied/</c> needs <c>errorCode</c>;
/// <c>a = 1 and b = 2</c> needs both; <c>a = 1 or b = 2</c> needs only what both branches need; negations
/// (<c>!=</c>, <c>not …</c>) need nothing, because a missing field makes them true. The engine uses this to skip,
/// without parsing, events whose raw JSON does not even contain such a field's key.
/// </summary>
public static class RequiredFields
{
    /// <summary>The fields <paramref name="condition"/> requires, by name.</summary>
    public static IReadOnlyList<FieldExpression> Of(Expression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return [.. Required(condition).Values];
    }

    private static Dictionary<string, FieldExpression> Required(Expression e)
    {
        switch (e)
        {
            case BinaryExpression { Operator: BinaryOperator.And } and:
                {
                    var left = Required(and.Left);
                    foreach (var (k, v) in Required(and.Right))
                    {
                        left.TryAdd(k, v);
                    }

                    return left;
                }

            case BinaryExpression { Operator: BinaryOperator.Or } or:
                {
                    var left = Required(or.Left);
                    var right = Required(or.Right);
                    return left.Where(kv => right.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                }

            case BinaryExpression
            {
                Operator: BinaryOperator.Equal or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
                    or BinaryOperator.GreaterOrEqual or BinaryOperator.Like or BinaryOperator.RegexMatch or BinaryOperator.In,
            } b:
                {
                    var fields = new Dictionary<string, FieldExpression>(StringComparer.Ordinal);
                    foreach (var side in new[] { b.Left, b.Right })
                    {
                        if (side is FieldExpression f)
                        {
                            fields.TryAdd(f.Name, f);
                        }
                    }

                    return fields;
                }

            case CallExpression { Arguments: [FieldExpression f] } c when c.Name.Equals("ispresent", StringComparison.OrdinalIgnoreCase):
                return new(StringComparer.Ordinal) { [f.Name] = f };
            default:
                return new(StringComparer.Ordinal);
        }
    }
}
