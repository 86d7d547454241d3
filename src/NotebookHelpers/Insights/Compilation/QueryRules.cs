using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Compilation;

/// <summary>
/// The documented rules that span commands (DNOW stats and dedup pages), enforced with messages a user can act on:
/// at most two <c>stats</c>; <c>sort</c>/<c>limit</c> only after the second <c>stats</c>; the second <c>stats</c> reads
/// only fields the first defined (and <c>bin()</c> there needs <c>@timestamp</c> carried forward); nothing but
/// <c>limit</c> after <c>dedup</c>.
/// </summary>
public static class QueryRules
{
    /// <summary>Checks <paramref name="query"/>.</summary>
    /// <exception cref="InsightsCompileException">A rule is broken; the span points at the offending command or field.</exception>
    public static void Check(QuerySyntax query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var commands = query.Commands;
        var stats = commands.OfType<StatsCommand>().ToList();
        if (stats.Count > InsightsLimits.MaxStatsCommands)
        {
            throw new InsightsCompileException(
                $"a query can have at most {InsightsLimits.MaxStatsCommands} stats commands (an AWS quota that cannot be changed); this is the third.",
                stats[2].KeywordSpan);
        }

        var dedup = commands.OfType<DedupCommand>().FirstOrDefault();
        if (dedup is not null)
        {
            var after = commands.SkipWhile(c => c != dedup).Skip(1).FirstOrDefault(c => c is not LimitCommand);
            if (after is not null)
            {
                throw new InsightsCompileException(
                    $"only 'limit' can follow 'dedup'; move '{after.Keyword}' before the dedup command.", after.KeywordSpan);
            }
        }

        if (stats.Count == 2)
        {
            CheckSecondStats(commands, stats[0], stats[1]);
        }
    }

    private static void CheckSecondStats(IReadOnlyList<Command> commands, StatsCommand first, StatsCommand second)
    {
        var firstIndex = IndexOf(commands, first);
        var secondIndex = IndexOf(commands, second);
        foreach (var c in commands.Take(secondIndex))
        {
            if (c is SortCommand or LimitCommand)
            {
                throw new InsightsCompileException(
                    $"'{c.Keyword}' must come after the second stats command, not before it.", c.KeywordSpan);
            }
        }

        var defined = new HashSet<string>(first.Aggregations.Concat(first.GroupBy).Select(i => i.Name), StringComparer.Ordinal);
        foreach (var c in commands.Skip(firstIndex + 1).Take(secondIndex - firstIndex - 1))
        {
            switch (c)
            {
                case FieldsCommand f:
                    defined.UnionWith(f.Items.Select(i => i.Name));
                    break;
                case DisplayCommand d:
                    defined.UnionWith(d.Items.Select(i => i.Name));
                    break;
                case ParseCommand p:
                    defined.UnionWith(p.Aliases);
                    break;
            }
        }

        var ownAliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in second.Aggregations.Concat(second.GroupBy))
        {
            if (UsesBin(item.Expression) && !defined.Contains(Execution.SystemFields.Timestamp))
            {
                throw new InsightsCompileException(
                    "bin() cannot be used in the second stats unless the first stats carries @timestamp forward " +
                    "(e.g. max(@timestamp) as @t in the first, then dateceil(@t, 5m) in the second).",
                    item.Expression.Span);
            }

            foreach (var field in FieldReferences.Of(item.Expression))
            {
                if (!defined.Contains(field.Name) && !ownAliases.Contains(field.Name))
                {
                    throw new InsightsCompileException(
                        $"the second stats can only use fields the first stats defined ({string.Join(", ", defined)}); '{field.Name}' is not one of them.",
                        field.Span);
                }
            }

            if (item.Alias is not null)
            {
                ownAliases.Add(item.Alias);
            }
        }
    }

    private static bool UsesBin(Expression e) => e switch
    {
        CallExpression c => c.Name.Equals("bin", StringComparison.OrdinalIgnoreCase) || c.Arguments.Any(UsesBin),
        BinaryExpression b => UsesBin(b.Left) || UsesBin(b.Right),
        UnaryExpression u => UsesBin(u.Operand),
        _ => false,
    };

    private static int IndexOf(IReadOnlyList<Command> commands, Command command)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            if (ReferenceEquals(commands[i], command))
            {
                return i;
            }
        }

        return -1;
    }
}
