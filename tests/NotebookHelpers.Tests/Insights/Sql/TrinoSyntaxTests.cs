using NotebookHelpers.Detections;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Insights.Sql;

/// <summary>
/// Syntax: every Athena rendering of the conformance and catalogue queries parses with a real Trino grammar
/// (dt-sql-parser's TrinoSQL, run by node from tests/trino-syntax's bundle), and golden files pin the SQL of the
/// catalogue (set NBH_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff).
/// </summary>
public class TrinoSyntaxTests
{
    private static readonly SqlSource Athena = SqlSource.AthenaTable("security.cloudtrail_logs");

    private static string GoldenFolder => Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "NotebookHelpers.Tests", "Insights", "Sql", "golden");

    public static IEnumerable<(string Name, InsightsQuery Query)> Queries() =>
        ConformanceQueries.Language.Select((q, i) => ($"language-{i + 1:00}", InsightsQuery.Parse(q)))
            .Concat(ConformanceQueries.Catalogue("AKIAIOSFODNN7EXAMPLE", "203.0.113.7", "alice"));

    [ToolFact(ExternalTools.TrinoSyntax)]
    public async Task EveryAthenaRenderingParsesAsTrino()
    {
        var rendered = new List<(string Name, string Sql)>();
        foreach (var (name, query) in Queries())
        {
            try
            {
                var sql = SqlRenderer.Render(query, SqlDialect.Trino, Athena);
                rendered.Add((name, sql.Text));
                rendered.Add((name + " (statistics)", sql.StatisticsText));
            }
            catch (SqlNotSupportedException)
            {
                // Refused by name before anything runs: nothing to parse.
            }
        }

        var results = await TrinoGrammar.ValidateAsync([.. rendered.Select(r => r.Sql)]);
        var failures = rendered.Zip(results).Where(r => r.Second != "[]").Select(r => $"{r.First.Name}: {r.Second}\n{r.First.Sql}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(rendered.Count >= 150, $"only {rendered.Count} statements were checked");
    }

    [Fact]
    public void GoldenFilesPinTheAthenaSqlOfTheCatalogue()
    {
        var update = Environment.GetEnvironmentVariable("NBH_UPDATE_GOLDEN") == "1";
        var checkedFiles = 0;
        foreach (var (name, query) in ConformanceQueries.Catalogue("AKIAIOSFODNN7EXAMPLE", "203.0.113.7", "alice"))
        {
            string text;
            try
            {
                text = SqlRenderer.Render(query, SqlDialect.Trino, Athena).Text + ";\n";
            }
            catch (SqlNotSupportedException e)
            {
                text = "-- refused: " + e.Message + "\n";
            }

            var path = Path.Combine(GoldenFolder, name.Replace(':', '.') + ".trino.sql");
            if (update)
            {
                Directory.CreateDirectory(GoldenFolder);
                File.WriteAllText(path, text);
            }

            Assert.True(File.Exists(path), $"{path} is missing; run with NBH_UPDATE_GOLDEN=1 to write it");
            Assert.Equal(File.ReadAllText(path), text);
            checkedFiles++;
        }

        Assert.Equal(InvestigationQueries.All.Count + 4 + DetectionCatalog.All.Count, checkedFiles);
    }
}
