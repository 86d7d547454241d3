using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookHelpers.Charts;
using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Reports;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// Every notebook in notebooks/ runs in-process on the sample incident, as the README's main command runs it, and
/// shows what the answer key says a correct investigation finds.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class NotebookCollectionTests : IClassFixture<NotebookCollectionTests.Runs>
{
    private readonly Runs _runs;

    public NotebookCollectionTests(Runs runs)
    {
        _runs = runs;
    }

    public static TheoryData<string> Notebooks() =>
        new(Directory.EnumerateFiles(RepositoryPaths.Notebooks).Where(NotebookReader.IsNotebookPath).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void RunsWithoutACellError(string notebook)
    {
        var result = _runs.Result(notebook);

        Assert.Empty(result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        Assert.All(result.Document.Cells.Where(c => c.Kind == CellKind.Code && !string.IsNullOrWhiteSpace(c.Source)), c => Assert.NotNull(c.ExecutionCount));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void DocumentsHowItLoadsTheLibraryAndLoadsItFromTheBuildOutput(string notebook)
    {
        var document = _runs.Result(notebook).Document;

        var firstCode = document.Cells.First(c => c.Kind == CellKind.Code);
        Assert.Contains("#r \"../src/NotebookHelpers/bin/Debug/net10.0/NotebookHelpers.dll\"", firstCode.Source, StringComparison.Ordinal);
        Assert.Contains("dotnet build", document.Cells.First().Source, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Notebooks, "../src/NotebookHelpers/bin/Debug/net10.0/NotebookHelpers.dll")));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void WritesAReportThatLoadsNothingFromTheNetworkAndInlinesPlotlyAtMostOnce(string notebook)
    {
        var html = _runs.Report(notebook);

        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.InRange(Regex.Matches(html, Regex.Escape(PlotlyJs.LoaderStart)).Count, 0, 1);
        var outsidePlotly = html.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", outsidePlotly, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CarriesPlotlyJsOnceInTheFirstChartOutputOfTheExecutedNotebook(string notebook)
    {
        var outputs = _runs.Result(notebook).Document.Cells.SelectMany(c => c.Outputs).Select(OutputText).ToList();

        Assert.InRange(outputs.Sum(o => Regex.Matches(o, Regex.Escape(PlotlyJs.LoaderStart)).Count), 0, 1);
        if (outputs.FirstOrDefault(o => o.Contains(PlotlyHtml.FigureClass, StringComparison.Ordinal)) is { } firstChart)
        {
            Assert.StartsWith(PlotlyJs.LoaderStart, firstChart[firstChart.IndexOf(PlotlyJs.LoaderStart, StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ShowsNoAbsolutePathOfTheMachineInAnyOutputOrTheReport(string notebook)
    {
        var machinePaths = new[] { RepositoryPaths.RepositoryRoot, Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), Environment.CurrentDirectory }
            .Where(p => p.Length > 1).Distinct().ToList();
        var outputs = _runs.Result(notebook).Document.Cells.SelectMany(c => c.Outputs).Select(OutputText)
            .Append(_runs.Report(notebook)).Select(o => o.Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal));

        Assert.All(outputs, o => Assert.All(machinePaths, p => Assert.DoesNotContain(p, o, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ShowsEveryTimeInItsOutputsInOneFormat(string notebook)
    {
        // What a reader sees (scripts, where charts keep plotly.js's own date format, left out): ISO 8601 with a Z.
        // A time cut short by a text table's column width ("2025-03-11T11:58:4…") is the same format, cut.
        var shown = _runs.Result(notebook).Document.Cells.SelectMany(c => c.Outputs).Select(OutputText)
            .Select(o => Regex.Replace(o, "<script[^>]*>.*?</script>", string.Empty, RegexOptions.Singleline));

        var others = shown.SelectMany(o => Regex.Matches(o, @"\b(?>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}| ?UTC)?)(?![:.\d]*…)").Select(m => m.Value))
            .Where(t => !Regex.IsMatch(t, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?Z$")).Distinct().ToList();

        Assert.True(others.Count == 0, $"times not shown as yyyy-MM-ddTHH:mm:ssZ: {string.Join(", ", others.Take(10))}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void WritesAnExecutedNotebookInNbformat45(string notebook)
    {
        using var json = JsonDocument.Parse(IpynbWriter.ToJson(_runs.Result(notebook).Document));

        Assert.Equal(4, json.RootElement.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("nbformat_minor").GetInt32());
        Assert.All(json.RootElement.GetProperty("cells").EnumerateArray(), c => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", c.GetProperty("id").GetString()));
    }

    [Fact]
    public void StartHereFindsTheSetupWorkingAndDrawsTheProofChart()
    {
        var document = _runs.Result("00-start-here.ipynb").Document;

        Assert.Contains(document.Cells, c => Text(c).StartsWith("Setup check: all passed", StringComparison.Ordinal));
        Assert.Contains(document.Cells, c => Text(c, "text/html").Contains("Plotly.newPlot", StringComparison.Ordinal));
        // The sample's trail copy: every event but the one whose log object the story deleted.
        var counts = _runs.AnswerKey.GetProperty("counts");
        Assert.Contains(document.Cells, c => Text(c).Contains($"{counts.GetProperty("events").GetInt32() - counts.GetProperty("trailRecordsDeleted").GetInt32():N0} events", StringComparison.Ordinal));
    }

    [Fact]
    public void AccessKeyActivityInvestigatesTheLeakedKeyByDefault()
    {
        var parameters = _runs.Result("01-access-key-activity.ipynb").Document.Cells.Single(c => c.HasTag("parameters"));

        Assert.Contains($"\"{_runs.LeakedKey}\"", parameters.Source, StringComparison.Ordinal);
        Assert.Contains("string Source = \"sample\"", parameters.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyActivityShowsTheFirstUseAndEveryPlantedCallOfTheLeakedKey()
    {
        var activity = Html(_runs.Cell("01-access-key-activity.ipynb", "ActivityByAccessKey"));
        var planted = _runs.LeakedKeyTimeline();

        Assert.NotEmpty(planted);
        foreach (var (time, eventName, _) in planted)
        {
            Assert.Contains($"<td>{NotebookHelpers.Events.UtcTime.Text(time)}</td>", activity, StringComparison.Ordinal);
            Assert.Contains($"<td>{eventName}</td>", activity, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AccessKeyActivityListsTheAttackersAddressesNextToTheKeysNormalOne()
    {
        var byIp = Html(_runs.Cell("01-access-key-activity.ipynb", "byIpQuery"));

        foreach (var ip in _runs.LeakedKeyTimeline().Select(t => t.Ip).Distinct())
        {
            Assert.Contains($"<td>{ip}</td>", byIp, StringComparison.Ordinal);
        }

        Assert.Contains("<td>198.51.100.24</td>", byIp, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyActivityDrawsTheKeyUsageTimelineWithFailures()
    {
        var chart = Assert.Single(_runs.Cell("01-access-key-activity.ipynb", "KeyUsageChart").Outputs.OfType<ExecuteResultOutput>());

        Assert.StartsWith($"Chart: Key usage: {_runs.LeakedKey}", chart.Data["text/plain"], StringComparison.Ordinal);
        Assert.Matches("[1-9][0-9]* failed \\(", chart.Data["text/plain"]);
        Assert.StartsWith(PlotlyJs.LoaderStart, chart.Data["text/html"], StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", chart.Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyActivityFindsTheDefendersContainmentAndMarksItOnTheTimeline()
    {
        var defender = _runs.AnswerKey.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "defender").GetProperty("arn").GetString();
        var containment = Html(_runs.Cell("01-access-key-activity.ipynb", "containmentQuery"));
        var chart = Html(_runs.Cell("01-access-key-activity.ipynb", "KeyUsageChart"));

        Assert.Contains("<td>UpdateAccessKey</td><td>Inactive</td>", containment, StringComparison.Ordinal);
        Assert.Contains($"<td>{defender}</td>", containment, StringComparison.Ordinal);
        Assert.Contains("\"shapes\":[{\"type\":\"line\"", chart, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"UpdateAccessKey Inactive\"", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyActivityShowsTheAccessDeniedRetriesAndTheBackdoorKey()
    {
        Assert.Contains("<td>AccessDenied</td>", Html(_runs.Cell("01-access-key-activity.ipynb", "errorsQuery")), StringComparison.Ordinal);
        var backdoor = _runs.AnswerKey.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("role").GetString() == "attacker-created").GetProperty("accessKeyId").GetString();
        Assert.Contains($"<td>{backdoor}</td>", Html(_runs.Cell("01-access-key-activity.ipynb", "AccessKeysCreated")), StringComparison.Ordinal);
    }

    private static string Html(NotebookCell cell) => Text(cell, "text/html");

    private static string OutputText(CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        DisplayDataOutput d => string.Concat(d.Data.Values),
        ExecuteResultOutput r => string.Concat(r.Data.Values),
        ErrorOutput e => e.Name + e.Value + string.Concat(e.Traceback),
        _ => string.Empty,
    };

    [GeneratedRegex("<script[^>]*\\ssrc=|<link[^>]*href=[\"']?(https?:)?//|<img[^>]*src=[\"']?(https?:)?//|<iframe|@import|url\\([\"']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    /// <summary>Runs every notebook once for the class, on the sample incident, as <c>nbh run</c> does.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        private readonly Dictionary<string, NotebookRunResult> _results = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _reports = new(StringComparer.Ordinal);

        public JsonElement AnswerKey { get; private set; }

        public string LeakedKey => AnswerKey.GetProperty("keys").EnumerateArray()
            .Single(k => k.GetProperty("role").GetString() == "leaked").GetProperty("accessKeyId").GetString()!;

        public IReadOnlyList<string> Notebooks => [.. _results.Keys.Order(StringComparer.Ordinal)];

        public NotebookRunResult Result(string notebook) => _results[notebook];

        public string Report(string notebook) => _reports[notebook];

        public NotebookCell Cell(string notebook, string containing) =>
            _results[notebook].Document.Cells.First(c => c.Kind == CellKind.Code && c.Source.Contains(containing, StringComparison.Ordinal));

        /// <summary>The planted events of the leaked key: time, action and source address.</summary>
        public IReadOnlyList<(DateTimeOffset Time, string EventName, string Ip)> LeakedKeyTimeline() =>
            AnswerKey.GetProperty("timeline").EnumerateArray()
                .Where(e => e.GetProperty("accessKeyId").GetString() == LeakedKey)
                .Select(e => (DateTimeOffset.Parse(e.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                              e.GetProperty("eventName").GetString()!,
                              e.GetProperty("sourceIPAddress").GetString()!))
                .ToList();

        public async Task InitializeAsync()
        {
            using var answerKey = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.DataSamples, "sample-incident", "answer-key.json")));
            AnswerKey = answerKey.RootElement.Clone();
            foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Notebooks).Where(NotebookReader.IsNotebookPath).Order(StringComparer.Ordinal))
            {
                var result = await new NotebookRunner().RunAsync(await NotebookReader.ReadAsync(path));
                _results[Path.GetFileName(path)] = result;
                _reports[Path.GetFileName(path)] = HtmlReportWriter.Render(result);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
