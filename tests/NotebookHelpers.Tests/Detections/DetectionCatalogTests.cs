using System.Text.RegularExpressions;
using NotebookHelpers.Detections;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Parsing;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

public sealed partial class DetectionCatalogTests
{
    [Fact]
    public void RuleIdsAreUniqueKebabCase()
    {
        var ids = DetectionCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(KebabCase(), id));
    }

    [Fact]
    public void EveryRuleCarriesATechniqueAnExplanationAnActionAndFalsePositives()
    {
        Assert.All(DetectionCatalog.All, r =>
        {
            Assert.Matches(TechniqueId(), r.Attack.Id);
            Assert.Matches("^TA00[0-9]{2}$", r.Attack.Tactic.Id);
            Assert.True(r.Explanation.Length > 60, $"{r.Id}: the explanation is too short for a trainee");
            Assert.False(string.IsNullOrWhiteSpace(r.RecommendedAction));
            Assert.False(string.IsNullOrWhiteSpace(r.FalsePositives));
        });
    }

    public static TheoryData<string> RuleIds() => new(DetectionCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RuleQueryParsesWithTheLogsInsightsEngine(string id)
    {
        var rule = DetectionCatalog.Get(id);
        var syntax = QueryParser.Parse(rule.InsightsQuery);
        Assert.NotEmpty(syntax.Commands);
    }

    [SharedDataFact]
    public async Task SingleEventRuleQueriesSelectEveryEventTheRuleMatchesOnRealRecordings()
    {
        // The query is the live-service form of the rule: on the same evidence it must find at least the events the
        // rule matches (it may find more where the rule compares fields in code).
        var (events, _) = EvidenceReader.ReadAll([
            RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs"),
            RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail"),
        ]);
        var runner = OfflineQueryRunner.FromEvents(events);
        foreach (var rule in DetectionCatalog.All.OfType<EventRule>())
        {
            var matched = events.Where(e => rule.Match(e) is not null).Select(e => e.EventID!).ToHashSet(StringComparer.Ordinal);
            var results = await runner.RunAsync(rule.InsightsQuery + "\n| limit 10000", TimeRange.All);
            var selected = results.Rows.SelectMany(row => row.Where(f => f.Field == "eventID").Select(f => f.Value)).ToHashSet(StringComparer.Ordinal);
            var missed = matched.Except(selected, StringComparer.Ordinal).ToList();
            Assert.True(missed.Count == 0, $"{rule.Id}: the query misses {missed.Count} of the {matched.Count} events the rule matches, e.g. {missed.FirstOrDefault()}");
        }
    }

    [Fact]
    public void DetectionsDocumentMatchesTheCatalogue()
    {
        var path = Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "detections.md");
        var expected = DetectionCatalogDocument.ToMarkdown();
        if (Environment.GetEnvironmentVariable("NBH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/detections.md is missing; run NBH_UPDATE_DOCS=1 dotnet test --filter DetectionCatalogTests");
        Assert.True(expected == File.ReadAllText(path),
            "docs/detections.md is out of date with DetectionCatalog; run NBH_UPDATE_DOCS=1 dotnet test --filter DetectionCatalogTests");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^T[0-9]{4}(\.[0-9]{3})?$")]
    private static partial Regex TechniqueId();
}
