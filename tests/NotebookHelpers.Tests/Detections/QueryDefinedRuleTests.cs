using NotebookHelpers.Detections;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Insights.Sql;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Detections;

/// <summary>
/// A rule whose condition is a per-event predicate is defined once, as a Logs Insights filter expression
/// (<see cref="QueryRule"/>): that expression compiles in the offline engine and renders to Trino SQL that parses, and
/// on the sample incident and the real recordings the offline engine running the rule's query selects exactly the
/// events the detection pass matched with the rule.
/// </summary>
public sealed class QueryDefinedRuleTests
{
    private static readonly SqlSource Athena = SqlSource.AthenaTable("security.cloudtrail_logs");

    private static IReadOnlyList<QueryRule> QueryRules { get; } = [.. DetectionCatalog.All.OfType<QueryRule>()];

    // Stateful rules whose per-event part (the events their history is built from) is a filter expression.
    private static IReadOnlyList<DetectionRule> FilteredStatefulRules { get; } = [.. DetectionCatalog.All.Where(r => r.IsStateful && r.Filter is not null)];

    [Fact]
    public void EveryQueryRuleShowsItsFilterAndItCompilesOfflineAndRendersToAthenaSql()
    {
        Assert.True(QueryRules.Count >= 31, $"only {QueryRules.Count} rules are defined by their query");
        foreach (var rule in QueryRules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Filter), rule.Id);
            Assert.Contains("\n| filter " + rule.Filter + "\n", rule.InsightsQuery, StringComparison.Ordinal);
            InsightsFilterSet.Compile([rule.Filter!]);
            OfflineQueryRunner.Validate(InsightsQuery.Parse(rule.InsightsQuery));
            var sql = SqlRenderer.Render(rule.InsightsQuery, SqlDialect.Trino, Athena);
            Assert.Contains("WHERE", sql.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AStatefulRulesPerEventFilterIsTheOneItsQueryShows()
    {
        Assert.NotEmpty(FilteredStatefulRules);
        foreach (var rule in FilteredStatefulRules)
        {
            Assert.Contains("\n| filter " + rule.Filter + "\n", rule.InsightsQuery, StringComparison.Ordinal);
            InsightsFilterSet.Compile([rule.Filter!]);
            OfflineQueryRunner.Validate(InsightsQuery.Parse(rule.InsightsQuery));
        }
    }

    [ToolFact(ExternalTools.TrinoSyntax)]
    public async Task EveryQueryRulesAthenaSqlParsesAsTrino()
    {
        var rendered = QueryRules.Concat(FilteredStatefulRules).Select(r => (r.Id, Sql: SqlRenderer.Render(r.InsightsQuery, SqlDialect.Trino, Athena).Text)).ToList();

        var results = await TrinoGrammar.ValidateAsync([.. rendered.Select(r => r.Sql)]);

        var failures = rendered.Zip(results).Where(r => r.Second != "[]").Select(r => $"{r.First.Id}: {r.Second}\n{r.First.Sql}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task OnTheSampleIncidentTheQuerySelectsExactlyWhatEachRuleMatches()
    {
        var (events, _) = EvidenceReader.ReadAll([Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3")]);

        await AssertQuerySelectsWhatEachRuleMatches(events, minimumMatched: 10);
    }

    [SharedDataTheory]
    [InlineData("suzaku-sample-data-sans504")]
    [InlineData("invictus-ir-aws-dataset/CloudTrail")]
    [InlineData("stratus-red-team-detonation-logs")]
    [InlineData("traildiscover-log-examples")]
    public async Task OnARealRecordingTheQuerySelectsExactlyWhatEachRuleMatches(string recording)
    {
        var (events, _) = EvidenceReader.ReadAll([RepositoryPaths.SharedDataset(recording)]);

        await AssertQuerySelectsWhatEachRuleMatches(events, minimumMatched: 1);
    }

    [SharedDataFact]
    public void TheSharedQueryFragmentsSayWhatCloudTrailFactsSayOnEveryRecordedEvent()
    {
        // The stateful rules still use CloudTrailFacts; the query rules use RuleQuery's fragments. They must agree.
        var (events, _) = EvidenceReader.ReadAll([
            Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "trail-s3"), RepositoryPaths.SharedDataset("suzaku-sample-data-sans504"),
            RepositoryPaths.SharedDataset("invictus-ir-aws-dataset/CloudTrail"), RepositoryPaths.SharedDataset("stratus-red-team-detonation-logs"),
            RepositoryPaths.SharedDataset("traildiscover-log-examples"), RepositoryPaths.SharedDataset("otrf-security-datasets")]);
        (string Name, string Fragment, Func<CloudTrailEvent, bool> Fact)[] pairs =
        [
            ("Succeeded", RuleQuery.Succeeded, CloudTrailFacts.Succeeded),
            ("Failed", RuleQuery.Failed, e => !CloudTrailFacts.Succeeded(e)),
            ("AccessDenied", RuleQuery.AccessDenied, e => CloudTrailFacts.IsAccessDenied(e.ErrorCode)),
            ("AwsSource", RuleQuery.AwsSource, e => CloudTrailFacts.IsAwsSource(e.SourceIPAddress)),
            ("MadeByAws", RuleQuery.MadeByAws, CloudTrailFacts.IsMadeByAws),
            ("ConsoleSession", RuleQuery.ConsoleSession, CloudTrailFacts.IsConsoleSession),
        ];
        var reader = InsightsFilterSet.Compile([.. pairs.Select(p => p.Fragment)]).CreateReader();

        Assert.True(events.Count > 35_000, $"{events.Count} events");
        for (var i = 0; i < pairs.Length; i++)
        {
            var disagree = events.Where(e => reader.Matches(i, e) != pairs[i].Fact(e)).Select(e => e.Location.ToString()).Take(3).ToList();
            Assert.True(disagree.Count == 0, $"{pairs[i].Name}: the fragment and CloudTrailFacts disagree on {string.Join(", ", disagree)}");
            Assert.Contains(events, e => pairs[i].Fact(e));
        }
    }

    [Fact]
    public void AFilterSetTakesFilterExpressionsOnlyAndSaysWhichIsWrong()
    {
        var e = Assert.Throws<InsightsQueryException>(() => InsightsFilterSet.Compile(["eventName = \"A\"", "eventName = \"B\" | stats count(*)"]));

        Assert.Contains("column 26", e.Message, StringComparison.Ordinal);
        Assert.Contains("one 'filter' command", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFilterSetDecidesEachExpressionOnTheSameEvent()
    {
        var set = InsightsFilterSet.Compile(["eventName = \"StopLogging\" and isempty(errorCode)", "userIdentity.type = \"Root\"", "eventName = \"StopLogging\" and @timestamp > 0"]);
        var reader = set.CreateReader();
        var ok = CloudTrailEvent.Parse("""{"eventTime":"2024-01-01T00:00:00Z","eventName":"StopLogging","errorCode":"","userIdentity":{"type":"IAMUser"}}""");
        var failed = CloudTrailEvent.Parse("""{"eventTime":"2024-01-01T00:00:01Z","eventName":"StopLogging","errorCode":"AccessDenied","userIdentity":{"type":"Root"}}""");

        Assert.Equal([true, false, true], [reader.Matches(0, ok), reader.Matches(1, ok), reader.Matches(2, ok)]);
        Assert.Equal([false, true, true], [reader.Matches(0, failed), reader.Matches(1, failed), reader.Matches(2, failed)]);
        Assert.True(reader.Matches(0, ok));
    }

    // The detection pass (every query rule in one session, as nbh investigate runs them) against the offline engine
    // running each rule's query as an analyst would; evidence is compared by location, one event each.
    private static async Task AssertQuerySelectsWhatEachRuleMatches(IReadOnlyList<CloudTrailEvent> events, int minimumMatched)
    {
        var detected = DetectionRunner.Run(events, new DetectionOptions { MaxEvidencePerFinding = int.MaxValue }, QueryRules);
        var runner = OfflineQueryRunner.FromEvents(events);
        var matched = 0;
        foreach (var rule in QueryRules)
        {
            var expected = detected.ForRule(rule.Id).SelectMany(f => f.Evidence).Select(e => e.Location.ToString()).Order(StringComparer.Ordinal).ToList();
            var results = await runner.RunAsync(rule.InsightsQuery + "\n| limit 100000", TimeRange.All);
            var selected = results.Rows.Select(r => r.Single(f => f.Field == "@ptr").Value).Order(StringComparer.Ordinal).ToList();

            Assert.True(expected.SequenceEqual(selected), $"{rule.Id}: the detection matched {expected.Count} events, its query selected {selected.Count}");
            matched += expected.Count;
        }

        Assert.True(matched >= minimumMatched, $"only {matched} events matched any query rule: the comparison shows nothing");

        // A stateful rule's evidence is made of events its filter selected.
        var stateful = DetectionRunner.Run(events, new DetectionOptions { MaxEvidencePerFinding = int.MaxValue }, FilteredStatefulRules);
        foreach (var rule in FilteredStatefulRules)
        {
            var evidence = stateful.ForRule(rule.Id).SelectMany(f => f.Evidence).Select(e => e.Location.ToString()).ToHashSet(StringComparer.Ordinal);
            var results = await runner.RunAsync(InsightsFilterSet.FilterQuery(rule.Filter!) + "\n| limit 100000", TimeRange.All);
            var selected = results.Rows.Select(r => r.Single(f => f.Field == "@ptr").Value).ToHashSet(StringComparer.Ordinal);
            Assert.True(evidence.IsSubsetOf(selected), $"{rule.Id}: {evidence.Except(selected).Count()} evidence events are not selected by its filter");
        }
    }
}
