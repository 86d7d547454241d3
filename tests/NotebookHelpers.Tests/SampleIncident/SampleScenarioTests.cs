using System.Text.Json;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.SampleIncident;
using NotebookHelpers.Sources;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>
/// Every training scenario is generated the same way twice, and <c>nbh investigate</c>, choosing the key itself, ranks
/// the scenario's attacker key first and raises every finding its answer key expects for that key.
/// </summary>
public sealed class SampleScenarioTests
{
    public static TheoryData<string> Scenarios() => new(SampleScenarios.All.Select(s => s.Name));

    public static TheoryData<string> GeneratedScenarios() => new(SampleScenarios.All.Select(s => s.Name).Where(n => n != SampleScenarios.Default));

    // Another generator's fresh copy moved in between this one's staleness check and its move aside: once moved it
    // reads as current, so it goes back instead of being deleted under a caller reading it; a stale copy goes.
    [Theory]
    [InlineData("scenario seed 1 generator new\n", true)]
    [InlineData("scenario seed 1 generator old\n", false)]
    public void AStaleCopyIsRemovedButOneThatTurnsOutCurrentStays(string found, bool stays)
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "llmjacking");
        Directory.CreateDirectory(Path.Combine(folder, "trail-s3"));
        File.WriteAllText(Path.Combine(folder, "trail-s3", "a.json"), "{}");
        File.WriteAllText(Path.Combine(folder, SampleScenarioCache.StampFile), found);

        SampleScenarioCache.RemoveStale(folder, "scenario seed 1 generator new\n");

        Assert.Equal(stays, File.Exists(Path.Combine(folder, "trail-s3", "a.json")));
        Assert.Equal(stays ? ["llmjacking"] : [], Directory.EnumerateDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void MiningIsTheDefaultAndEveryScenarioHasItsOwnStory()
    {
        Assert.Equal("mining", SampleScenarios.Default);
        Assert.Equal(["mining", "llmjacking", "s3-ransomware"], SampleScenarios.All.Select(s => s.Name));
        Assert.Equal(SampleScenarios.All.Count, SampleScenarios.All.Select(s => s.Title).Distinct().Count());
        Assert.All(SampleScenarios.All, s => Assert.NotEmpty(s.ExpectedRuleIds));
        Assert.Throws<ArgumentException>(() => SampleScenarios.Find("ransomware"));
    }

    [Theory]
    [MemberData(nameof(GeneratedScenarios))]
    public void IsDeterministicAndItsAnswerKeyListsTheExpectedFindings(string scenario)
    {
        var cached = SampleScenarioCache.Ensure(scenario, RepositoryPaths.RepositoryRoot);
        using var again = new TempDirectory();

        SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = again.Path, Scenario = scenario });

        var files = Directory.EnumerateFiles(again.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again.Path, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(cached, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(cached, f))
            .Where(f => f != SampleScenarioCache.StampFile).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(again.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cached, f))), f));
        using var key = JsonDocument.Parse(File.ReadAllText(Path.Combine(cached, "answer-key.json")));
        Assert.Equal(scenario, key.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(SampleScenarios.Find(scenario).ExpectedRuleIds,
            key.RootElement.GetProperty("expectedFindings").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task InvestigateRanksTheAttackerKeyFirstAndRaisesEveryExpectedFinding(string scenario)
    {
        var expected = SampleScenarios.Find(scenario);
        SampleScenarioCache.Ensure(scenario, RepositoryPaths.RepositoryRoot);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["investigate", "--logs", $"sample:{scenario}", "--format", "json"], new CliConsole(stdout, stderr));

        Assert.True(exit == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(expected.AttackerAccessKeyId, json.RootElement.GetProperty("suggestions")[0].GetProperty("accessKeyId").GetString());
        var raised = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("accessKeyId").ValueKind == JsonValueKind.String && f.GetProperty("accessKeyId").GetString() == expected.AttackerAccessKeyId)
            .Select(f => f.GetProperty("ruleId").GetString())
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(expected.ExpectedRuleIds, rule => Assert.Contains(rule, raised));
    }

    [Theory]
    [InlineData("sample", "sample:llmjacking")]
    [InlineData("sample:event-history", "sample:llmjacking/event-history")]
    [InlineData("sample:cloudwatch-logs", "sample:llmjacking/cloudwatch-logs")]
    [InlineData("sample:s3-ransomware", "sample:s3-ransomware")]
    [InlineData("/cases/1234", "/cases/1234")]
    [InlineData("cwl:aws-cloudtrail-logs", "cwl:aws-cloudtrail-logs")]
    public void ASampleSourceMovesToTheScenarioAndAnyOtherSourceStays(string source, string moved)
    {
        Assert.Equal(moved, SampleIncidentLocator.InScenario(source, "llmjacking"));
        Assert.Equal(source, SampleIncidentLocator.InScenario(source, "mining"));
    }

    [Theory]
    [InlineData("sample", "trail-s3", "mining")]
    [InlineData("sample:event-history", "event-history", "mining")]
    [InlineData("sample:mining/event-history", "event-history", "mining")]
    [InlineData("sample:llmjacking", "llmjacking/trail-s3", "llmjacking")]
    [InlineData("sample:S3-Ransomware/cloudwatch-logs", "s3-ransomware/cloudwatch-logs", "s3-ransomware")]
    public void ParsesTheScenarioAndTheCopyASampleSourceNames(string source, string copy, string scenario)
    {
        Assert.True(SampleIncidentLocator.TryParseSourceName(source, out var parsed));
        Assert.Equal(copy, parsed);
        Assert.Equal(scenario, SampleIncidentLocator.ScenarioOf(source));
    }

    [Fact]
    public void AScenarioNotGeneratedYetSaysHowToGenerateIt()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleIncidentLocator.Find("no-such-story/trail-s3", RepositoryPaths.RepositoryRoot));

        Assert.Contains("nbh sample-incident --scenario no-such-story", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEventHistoryNotebookMovesBothItsSourceAndItsComparisonToTheScenario()
    {
        var notebook = await NotebookReader.ReadAsync(Path.Combine(RepositoryPaths.Notebooks, "03-event-history.ipynb"));

        var moved = SampleScenarioParameters.For(notebook, "s3-ransomware");

        Assert.Equal(["CompareWith=sample:s3-ransomware", "Source=sample:s3-ransomware/event-history"],
            moved.Select(p => $"{p.Name}={p.Value}").Order(StringComparer.Ordinal));
        Assert.Empty(SampleScenarioParameters.For(notebook, "mining"));
    }

    [Theory]
    [InlineData("sample-incident", "--scenario", "nope")]
    [InlineData("run", "{notebook}", "--scenario", "nope")]
    public async Task AnUnknownScenarioOptionIsAUsageErrorListingTheScenarios(params string[] args)
    {
        var stderr = new StringWriter();
        var notebook = Path.Combine(RepositoryPaths.Notebooks, "00-start-here.ipynb");

        var exit = await CliApplication.RunAsync(args.Select(a => a.Replace("{notebook}", notebook, StringComparison.Ordinal)).ToArray(), new CliConsole(new StringWriter(), stderr));

        Assert.Equal(CliApplication.UsageExitCode, exit);
        Assert.Contains("mining, llmjacking, s3-ransomware", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownScenarioIsAUsageErrorListingTheScenarios()
    {
        var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["investigate", "--logs", "sample:ransomware"], new CliConsole(new StringWriter(), stderr));

        Assert.Equal(CliApplication.UsageExitCode, exit);
        Assert.Contains("mining, llmjacking, s3-ransomware", stderr.ToString(), StringComparison.Ordinal);
    }
}
