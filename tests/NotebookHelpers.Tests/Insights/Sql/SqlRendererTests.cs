using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary>
/// One plan, two dialects: what the SQL of a Logs Insights query says in Trino (Athena, over the standard CloudTrail
/// table) and in DuckDB (over staged evidence records), and what each refuses by name before anything runs.
/// </summary>
public class SqlRendererTests
{
    private static readonly SqlSource Athena = SqlSource.AthenaTable("security.cloudtrail_logs");
    private static readonly SqlSource DuckDb = SqlSource.DuckDbEvents();

    [Fact]
    public void AthenaReadsStructFieldsAsColumnsAndJsonStringColumnsWithJsonExtractScalar()
    {
        var sql = SqlRenderer.Render("filter userIdentity.arn = \"arn:aws:iam::1:user/x\" and requestParameters.userName = \"bob\" | fields eventName, requestParameters.userName", SqlDialect.Trino, Athena);

        Assert.Contains("coalesce(useridentity.arn = 'arn:aws:iam::1:user/x', false)", sql.Text, StringComparison.Ordinal);
        Assert.Contains("coalesce(json_extract_scalar(requestparameters, '$.userName') = 'bob', false)", sql.Text, StringComparison.Ordinal);
        Assert.Contains("FROM \"security\".\"cloudtrail_logs\"", sql.Text, StringComparison.Ordinal);
        Assert.Equal(["eventName", "requestParameters.userName"], sql.Columns.Select(c => c.Name));
        Assert.Equal([SqlValueKind.Text, SqlValueKind.Json], sql.Columns.Select(c => c.Kind));
    }

    [Fact]
    public void DuckDbReadsEveryFieldFromTheRecordsJson()
    {
        var sql = SqlRenderer.Render("filter userIdentity.accessKeyId = \"AKIAX\" | fields resources.0.ARN", SqlDialect.DuckDb, DuckDb);

        Assert.Contains("json_extract_string(json_value(m, '$.userIdentity.accessKeyId'), '$') = 'AKIAX'", sql.Text, StringComparison.Ordinal);
        Assert.Contains("json_value(m, '$.resources[0].ARN') AS \"c0\"", sql.Text, StringComparison.Ordinal);
        Assert.Contains("FROM events", sql.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RowQueriesSortedByTimeAreOrderedAndLimitedInSqlWithInputOrderBreakingTies()
    {
        var sql = SqlRenderer.Render(InvestigationQueries.AccessDenied(), SqlDialect.DuckDb, DuckDb);

        Assert.True(sql.OrderedBySql);
        Assert.Contains("ORDER BY \"__k0\" ASC NULLS LAST, \"__ord\" ASC\nLIMIT 10000", sql.Text, StringComparison.Ordinal);
        Assert.Contains("regexp_matches(", sql.Text, StringComparison.Ordinal);
        Assert.Equal(10_000, sql.Limit);
        Assert.Equal("__ptr", sql.Pointer!.SqlName);
    }

    [Fact]
    public void TextSortKeysAreLeftToTheShaperBecauseSqlHasNoNaturalOrder()
    {
        var sql = SqlRenderer.Render("fields eventName | sort eventName asc | limit 5", SqlDialect.DuckDb, DuckDb);

        Assert.False(sql.OrderedBySql);
        Assert.DoesNotContain("ORDER BY", sql.Text, StringComparison.Ordinal);
        Assert.Equal(5, sql.Limit);
        Assert.Single(sql.SortKeys);
    }

    [Fact]
    public void StatsBecomesAGroupBySubqueryWithGroupColumnsFirst()
    {
        var sql = SqlRenderer.Render("filter ispresent(errorCode) | stats count(*) as n, min(@timestamp) as first by errorCode, bin(1h) | sort n desc", SqlDialect.Trino, Athena);

        Assert.True(sql.IsAggregate);
        Assert.Equal(["errorCode", "bin(1h)", "n", "first"], sql.Columns.Select(c => c.Name));
        Assert.Equal([SqlValueKind.Text, SqlValueKind.Timestamp, SqlValueKind.Number, SqlValueKind.Timestamp], sql.Columns.Select(c => c.Kind));
        Assert.Contains("GROUP BY 1, 2", sql.Text, StringComparison.Ordinal);
        Assert.Contains("(floor((to_unixtime(from_iso8601_timestamp(eventtime)) * 1000) / 3600000E0) * 3600000E0)", sql.Text, StringComparison.Ordinal);
        Assert.Equal(2, sql.GroupKeys.Count);
        Assert.True(sql.SortKeys.Single().Descending);
    }

    [Fact]
    public void TheTimeRangeIsInclusiveAtBothEnds()
    {
        var range = new TimeRange(DateTimeOffset.FromUnixTimeMilliseconds(1_000), DateTimeOffset.FromUnixTimeMilliseconds(2_000));
        var sql = SqlRenderer.Render("stats count(*)", SqlDialect.DuckDb, DuckDb, range);

        Assert.Contains("t IS NOT NULL AND t >= 1000E0", sql.Text, StringComparison.Ordinal);
        Assert.Contains("t <= 2000E0", sql.Text, StringComparison.Ordinal);
        Assert.Contains("t <= 2000E0", sql.StatisticsText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fields @timestamp | parse @message \"user=*\" as user", "parse", 1, 21)]
    [InlineData("stats pct(x, 50) by eventName", "pct()", 1, 7)]
    [InlineData("pattern @message", "pattern", 1, 1)]
    [InlineData("fields eventName\n| stats count(*) by eventName | stats count(*)", "stats", 2, 33)]
    [InlineData("fields md5(eventName) as h", "md5()", 1, 8)]
    [InlineData("stats min(eventName)", "min()", 1, 7)]
    public void WhatNoDialectExpressesIsRefusedByNameAndPosition(string query, string construct, int line, int column)
    {
        foreach (var (dialect, source) in new[] { (SqlDialect.Trino, Athena), (SqlDialect.DuckDb, DuckDb) })
        {
            var e = Assert.Throws<SqlNotSupportedException>(() => SqlRenderer.Render(query, dialect, source));
            Assert.Equal(construct, e.Construct);
            Assert.Equal((line, column), (e.Line, e.Column));
            Assert.Equal(dialect, e.Dialect);
            Assert.Contains(SqlNotSupportedException.DialectName(dialect) + ": ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AthenaRefusesWhatTheCloudTrailTableDoesNotHave()
    {
        var message = Assert.Throws<SqlNotSupportedException>(() => SqlRenderer.Render("filter eventName = \"x\" | limit 5", SqlDialect.Trino, Athena));
        Assert.Equal("@message", message.Construct);

        var field = Assert.Throws<SqlNotSupportedException>(() => SqlRenderer.Render("fields userIdentity.nope", SqlDialect.Trino, Athena));
        Assert.Equal("userIdentity.nope", field.Construct);
        Assert.Contains("useridentity struct has", field.Message, StringComparison.Ordinal);

        var column = Assert.Throws<SqlNotSupportedException>(() => SqlRenderer.Render("fields notAColumn", SqlDialect.Trino, Athena));
        Assert.Equal("notAColumn", column.Construct);

        // DuckDB reads the record itself, so @message and any field exist there.
        Assert.Contains("m AS \"c1\"", SqlRenderer.Render("filter eventName = \"x\" | limit 5", SqlDialect.DuckDb, DuckDb).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidQueriesFailAsTheOfflineEngineSaysAndTheSourceFixesTheDialect()
    {
        Assert.Throws<InsightsQueryException>(() => SqlRenderer.Render("filter x = | stats", SqlDialect.DuckDb, DuckDb));
        Assert.Throws<ArgumentException>(() => SqlRenderer.Render("stats count(*)", SqlDialect.Trino, DuckDb));
        Assert.Throws<ArgumentException>(() => SqlSource.AthenaTable("db.t; DROP TABLE x"));
    }

    [Fact]
    public void StringsAreQuotedAsSqlLiteralsSoAValueCannotEndTheString()
    {
        var query = InvestigationQueries.ActivityByIp("1.2.3.4' OR '1'='1");
        var sql = SqlRenderer.Render(query, SqlDialect.Trino, Athena);

        Assert.Contains("sourceipaddress = '1.2.3.4'' OR ''1''=''1'", sql.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CatalogueQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, _, query) in InvestigationQueries.All)
        {
            data.Add(name, Bind(query).ToString());
        }

        foreach (var rule in DetectionCatalog.All)
        {
            data.Add(rule.Id, rule.InsightsQuery);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueQueries))]
    public void EveryCatalogueQueryRendersInBothDialectsOrIsRefusedByName(string name, string query)
    {
        foreach (var (dialect, source) in new[] { (SqlDialect.Trino, Athena), (SqlDialect.DuckDb, DuckDb) })
        {
            try
            {
                var sql = SqlRenderer.Render(query, dialect, source);
                Assert.StartsWith("SELECT ", sql.Text, StringComparison.Ordinal);
                Assert.NotEmpty(sql.Columns);
            }
            catch (SqlNotSupportedException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Construct), $"{name}: {e.Message}");
            }
        }
    }

    internal static InsightsQuery Bind(InsightsQuery query)
    {
        foreach (var p in query.Parameters)
        {
            query = query.Bind(p, p switch { "ip" => "203.0.113.7", "user" => "alice", _ => "AKIAIOSFODNN7EXAMPLE" });
        }

        return query;
    }
}
