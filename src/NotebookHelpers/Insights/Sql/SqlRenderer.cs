using NotebookHelpers.Evidence;
using NotebookHelpers.Insights.Ast;

namespace NotebookHelpers.Insights.Sql;

/// <summary>
/// One query, several executors: renders a Logs Insights query as SQL of a dialect over a source, with what
/// the result shaper needs to give back the offline engine's results. The query is checked as the offline
/// engine checks it (same errors, same positions), then planned once (<see cref="SqlPlanner"/>); what the dialect
/// cannot express is refused with a <see cref="SqlNotSupportedException"/> naming the command, function or field,
/// before anything runs. The mapping is documented in docs/athena.md.
/// <code>
/// var sql = SqlRenderer.Render(InsightsQuery.Parse("filter errorCode like /Denied/ | stats count(*) by eventName"),
///                              SqlDialect.Trino, SqlSource.AthenaTable("default.cloudtrail_logs"));
/// Console.WriteLine(sql.Text);
/// </code>
/// </summary>
public static class SqlRenderer
{
    /// <summary>Renders a parsed (and parameter-bound) query.</summary>
    /// <param name="query">The query; its parameters must be bound.</param>
    /// <param name="dialect">The dialect; it must be <paramref name="source"/>'s.</param>
    /// <param name="source">Where the SQL reads events.</param>
    /// <param name="range">The time range (inclusive at both ends, as StartQuery); unbounded when null.</param>
    /// <exception cref="InsightsQueryException">The query is invalid (as the offline engine says).</exception>
    /// <exception cref="SqlNotSupportedException">The dialect cannot express part of the query.</exception>
    /// <exception cref="ArgumentException">The source is read with another dialect.</exception>
    public static SqlQuery Render(InsightsQuery query, SqlDialect dialect, SqlSource source, TimeRange? range = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Dialect != dialect)
        {
            throw new ArgumentException($"this source is read with {source.Dialect}, not {dialect}.", nameof(source));
        }

        var syntax = query.BoundSyntax();
        if (syntax.Commands.OfType<UnsupportedCommand>().FirstOrDefault() is { } unsupported)
        {
            throw new SqlNotSupportedException(
                unsupported.Keyword, dialect, $"`{unsupported.Keyword}` has no SQL rendering (it runs only on CloudWatch Logs).", syntax.Text, unsupported.KeywordSpan.Start, unsupported.KeywordSpan.Length);
        }

        OfflineQueryRunner.Validate(query);
        return SqlPlanner.Plan(syntax, source, range ?? TimeRange.All);
    }

    /// <summary>Parses and renders <paramref name="query"/>.</summary>
    /// <exception cref="InsightsQueryException">The query is invalid.</exception>
    /// <exception cref="SqlNotSupportedException">The dialect cannot express part of the query.</exception>
    public static SqlQuery Render(string query, SqlDialect dialect, SqlSource source, TimeRange? range = null) =>
        Render(InsightsQuery.Parse(query), dialect, source, range);
}
