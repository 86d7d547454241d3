using System.Collections.Concurrent;
using NotebookHelpers.DuckDb;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;
using NotebookHelpers.Tests.Support;
using Xunit.Abstractions;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary>
/// Semantics: the DuckDB rendering, executed by embedded DuckDB over the real third-party recordings, gives exactly
/// the offline engine's GetQueryResults JSON (rows, values, formats, order, statistics) on every conformance and
/// catalogue query it accepts, and it accepts at least 90% of them.
/// </summary>
public class DuckDbConformanceTests(ITestOutputHelper output)
{
    public static readonly string[] Datasets =
    [
        "invictus-ir-aws-dataset/CloudTrail",
        "stratus-red-team-detonation-logs",
        "traildiscover-log-examples",
        "otrf-security-datasets",
    ];

    private static readonly ConcurrentDictionary<string, Lazy<(OfflineQueryRunner Offline, DuckDbQueryRunner DuckDb, string Key, string Ip, string User)>> Runners = new(StringComparer.Ordinal);

    public static TheoryData<string> LanguageQueries() => [.. ConformanceQueries.Language];

    [SharedDataTheory]
    [MemberData(nameof(LanguageQueries))]
    public async Task EachConformanceQueryGivesTheOfflineEnginesResultsOnEveryDataset(string query)
    {
        foreach (var dataset in Datasets)
        {
            await AssertSame(dataset, InsightsQuery.Parse(query), accepted: null);
        }
    }

    [SharedDataFact]
    public async Task EveryCatalogueQueryGivesTheOfflineEnginesResultsAndAtLeastNinetyPercentOfAllQueriesAreAccepted()
    {
        // Whether DuckDB accepts a query is decided when it is rendered, before anything runs.
        var (_, _, key, ip, user) = Runner(Datasets[0]);
        var all = ConformanceQueries.Language.Select(q => (Name: q, Query: InsightsQuery.Parse(q))).Concat(ConformanceQueries.Catalogue(key, ip, user)).ToList();
        var refused = new List<string>();
        foreach (var (name, query) in all)
        {
            try
            {
                SqlRenderer.Render(query, SqlDialect.DuckDb, SqlSource.DuckDbEvents());
            }
            catch (SqlNotSupportedException e)
            {
                refused.Add($"{name}: {e.Message}");
            }
        }

        var rate = (double)(all.Count - refused.Count) / all.Count;
        output.WriteLine($"DuckDB accepts {all.Count - refused.Count} of {all.Count} conformance and catalogue queries ({rate:P1}); refused:");
        refused.ForEach(r => output.WriteLine("  " + r));
        Assert.True(rate >= 0.9, $"DuckDB accepted {rate:P1}; refused: {string.Join("; ", refused)}");

        foreach (var dataset in Datasets)
        {
            (key, ip, user) = Runner(dataset) is var r ? (r.Key, r.Ip, r.User) : default;
            foreach (var (_, query) in ConformanceQueries.Catalogue(key, ip, user))
            {
                await AssertSame(dataset, query, accepted: null);
            }
        }
    }

    // True when DuckDB accepted the query (and then agreed exactly); false when it refused it by name.
    private async Task<bool> AssertSame(string dataset, InsightsQuery query, bool? accepted)
    {
        var (offline, duckDb, _, _, _) = Runner(dataset);
        QueryResults ours;
        try
        {
            ours = await duckDb.RunAsync(query, TimeRange.All);
        }
        catch (SqlNotSupportedException e)
        {
            Assert.False(string.IsNullOrEmpty(e.Construct));
            output.WriteLine($"refused ({dataset}): {e.Message}");
            return false;
        }

        var expected = await offline.RunAsync(query, TimeRange.All);
        Assert.True(
            QueryResultsJson.ToJson(expected, indented: true) == QueryResultsJson.ToJson(ours, indented: true),
            $"{dataset}: {query}\n{Diff(expected, ours)}");
        _ = accepted;
        return true;
    }

    private static string Diff(QueryResults expected, QueryResults actual)
    {
        var e = QueryResultsJson.ToJson(expected, indented: true).Split('\n');
        var a = QueryResultsJson.ToJson(actual, indented: true).Split('\n');
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        return $"rows offline {expected.Rows.Count}, duckdb {actual.Rows.Count}; first difference at line {first}:\n offline: {string.Join("\n          ", e.Skip(Math.Max(0, first - 3)).Take(6))}\n duckdb:  {string.Join("\n          ", a.Skip(Math.Max(0, first - 3)).Take(6))}";
    }

    private static (OfflineQueryRunner Offline, DuckDbQueryRunner DuckDb, string Key, string Ip, string User) Runner(string dataset) =>
        Runners.GetOrAdd(dataset, d => new(() =>
        {
            var path = RepositoryPaths.SharedDataset(d);
            var offline = OfflineQueryRunner.FromPaths([path]);
            var duckDb = DuckDbQueryRunner.FromPaths([path]);
            return (offline, duckDb, Top(offline, "userIdentity.accessKeyId"), Top(offline, "sourceIPAddress"), Top(offline, "userIdentity.userName"));
        })).Value;

    private static string Top(OfflineQueryRunner runner, string field)
    {
        var r = runner.RunAsync($"filter ispresent({field}) | stats count(*) as n by {field} | sort n desc | limit 1", TimeRange.All).GetAwaiter().GetResult();
        return r.Rows.Count == 0 ? "none" : r.Rows[0].First(f => f.Field == field).Value;
    }
}
