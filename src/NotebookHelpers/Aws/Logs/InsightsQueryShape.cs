namespace NotebookHelpers.Aws.Logs;

/// <summary>
/// What the runner needs to know about a Logs Insights query to split it safely: whether it aggregates
/// (<c>stats</c>) or limits itself (<c>limit</c>), and how it sorts. Found by reading the command names between
/// pipes, outside quotes; the full grammar is the Insights engine's business.
/// </summary>
/// <param name="Aggregates">True when a <c>stats</c> command makes rows per group, not per event: splitting would change them.</param>
/// <param name="HasLimit">True when the query has its own <c>limit</c>: a full page is then expected, not truncation.</param>
/// <param name="SortField">The first field of the first <c>sort</c>, or null.</param>
/// <param name="SortAscending">True when that sort is <c>asc</c> (Logs Insights sorts descending by default).</param>
/// <param name="Deduplicates">True when a <c>dedup</c> command is present (duplicates may remain across split ranges).</param>
public sealed record InsightsQueryShape(bool Aggregates, bool HasLimit, string? SortField, bool SortAscending, bool Deduplicates)
{
    /// <summary>True when the range can be split and the parts concatenated.</summary>
    public bool IsSplittable => !Aggregates && !HasLimit;

    /// <summary>Reads the shape of <paramref name="query"/>.</summary>
    public static InsightsQueryShape Of(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var aggregates = false;
        var hasLimit = false;
        var dedup = false;
        string? sortField = null;
        var ascending = false;
        foreach (var command in SplitCommands(query))
        {
            var words = command.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            switch (words[0].ToLowerInvariant())
            {
                case "stats":
                    aggregates = true;
                    break;
                case "limit":
                    hasLimit = true;
                    break;
                case "dedup":
                    dedup = true;
                    break;
                case "sort" when sortField is null && words.Length > 1:
                    sortField = words[1];
                    ascending = words.Length > 2 && words[2].Equals("asc", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        return new InsightsQueryShape(aggregates, hasLimit, sortField, ascending, dedup);
    }

    // Regex literals (/a|b/) are not treated as quotes, because '/' is also division; a pipe inside one only makes a
    // bogus command whose first word is no command name.
    private static IEnumerable<string> SplitCommands(string query)
    {
        var start = 0;
        char? quote = null;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c == '|')
            {
                yield return query[start..i];
                start = i + 1;
            }
        }

        yield return query[start..];
    }
}
