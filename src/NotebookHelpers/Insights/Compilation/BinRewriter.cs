using NotebookHelpers.Insights.Ast;
using NotebookHelpers.Insights.Execution;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// <c>bin(p)</c> "always implicitly uses the @timestamp field": rewrites it to <c>datefloor(@timestamp, p)</c>, so the
/// compiler knows one function and the field analysis sees that the query reads <c>@timestamp</c>.
/// </summary>
public sealed class BinRewriter : ExpressionRewriter
{
    /// <summary>The one instance.</summary>
    public static BinRewriter Instance { get; } = new();

    /// <inheritdoc />
    protected override Expression RewriteCall(CallExpression node)
    {
        var call = (CallExpression)base.RewriteCall(node);
        if (!call.Name.Equals("bin", StringComparison.OrdinalIgnoreCase))
        {
            return call;
        }

        if (call.Arguments.Count != 1 || call.Arguments[0] is not PeriodExpression)
        {
            throw new InsightsCompileException("bin() takes one time period, e.g. bin(5m) or bin(1h).", call.Span);
        }

        var timestamp = FieldExpression.Simple(SystemFields.Timestamp, call.NameSpan);
        return call with { Name = "datefloor", Arguments = [timestamp, call.Arguments[0]] };
    }
}
