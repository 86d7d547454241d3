using System.Text.RegularExpressions;
using NotebookHelpers.Charts;
using NotebookHelpers.Display;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// Every offline command, run in process on the hostile corpus (<see cref="HostileCorpus"/>): each ends with a defined
/// exit code and no exception or stack trace, writes no raw control or bidi character to the terminal, no live markup
/// into HTML and no formula into CSV, and names every problem with its file (and position, for a record's).
/// </summary>
public sealed partial class HostileCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _evidence;

    public HostileCorpusTests()
    {
        _evidence = HostileCorpus.Write(_dir.Path);
    }

    public static TheoryData<string, string[]> Commands() => new()
    {
        { "events", ["events", "{evidence}"] },
        { "events jsonl", ["events", "{evidence}", "--format", "jsonl"] },
        { "investigate", ["investigate", "--logs", "{evidence}", "--access-key-id", LeakedKeyScenario.LeakedKey] },
        { "investigate json", ["investigate", "--logs", "{evidence}", "--format", "json"] },
        { "query table", ["query", "--logs", "{evidence}", "fields @timestamp, eventName, userAgent, userIdentity.userName, errorCode, errorMessage, sourceIPAddress, awsRegion | limit 1000"] },
        { "query csv", ["query", "--logs", "{evidence}", "--format", "csv", "fields @timestamp, eventName, userAgent, userIdentity.userName, errorCode, errorMessage, sourceIPAddress, awsRegion | limit 1000"] },
        { "query json", ["query", "--logs", "{evidence}", "--format", "json", "stats count(*) as calls by eventName, userAgent, awsRegion"] },
        { "validate-trail", ["validate-trail", "{evidence}"] },
        { "report", ["report", "--logs", "{evidence}", "--access-key-id", LeakedKeyScenario.LeakedKey, "--out", "{out}"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryOfflineCommandSurvivesTheCorpus(string name, string[] template)
    {
        var outFolder = Path.Combine(_dir.Path, "out-" + name.Replace(' ', '-'));
        var args = template.Select(a => a.Replace("{evidence}", _evidence, StringComparison.Ordinal).Replace("{out}", outFolder, StringComparison.Ordinal)).ToArray();

        var (exit, stdout, stderr) = await Cli.Run(args);

        Assert.True(exit is 0 or 1, $"{name}: exit {exit}\n{Head(stderr)}");
        Assert.DoesNotMatch(StackTrace(), stderr);
        Assert.DoesNotMatch(StackTrace(), stdout);
        // JSON output too: it keeps values exact by writing unsafe characters as \uXXXX escapes.
        AssertTerminalSafe(name, stdout);
        AssertTerminalSafe(name, stderr);
        if (name.StartsWith("query csv", StringComparison.Ordinal))
        {
            AssertNoFormula(stdout);
        }

        if (name == "report")
        {
            var html = (await File.ReadAllTextAsync(Path.Combine(outFolder, "incident-report.html"))).Replace(PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
            Assert.DoesNotMatch(LiveMarkup(), html);
            Assert.DoesNotContain('\u202E', html);
            Assert.DoesNotContain('\u001b', html);
            AssertNoFormula(await File.ReadAllTextAsync(Path.Combine(outFolder, "findings.csv")));
        }

        if (name.StartsWith("events", StringComparison.Ordinal) || name.StartsWith("investigate", StringComparison.Ordinal))
        {
            // Each problem line names a file of the corpus.
            foreach (var line in stderr.Split('\n').Where(l => (l.Contains("skipped: ", StringComparison.Ordinal) || l.Contains("notice: ", StringComparison.Ordinal)) && !SkippedSummary().IsMatch(l)))
            {
                Assert.True(line.Contains(_evidence, StringComparison.Ordinal), line);
            }
        }
    }

    [Fact]
    public void EveryProblemNamesItsFileAndARecordsProblemItsPosition()
    {
        var (events, report) = EvidenceReader.ReadAll([_evidence]);

        Assert.NotEmpty(events);
        var kinds = report.ProblemCounts.Keys.ToHashSet();
        ReadProblemKind[] expected =
        [
            ReadProblemKind.InvalidUtf8, ReadProblemKind.DuplicateKey, ReadProblemKind.ImplausibleTime, ReadProblemKind.CorruptCompression,
            ReadProblemKind.ByteOrderMark, ReadProblemKind.InvalidJson, ReadProblemKind.TruncatedJson,
        ];
        Assert.Empty(expected.Except(kinds));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains(ReadProblemKind.FolderSeenBefore, kinds);
        }

        foreach (var problem in report.Problems)
        {
            Assert.StartsWith(_evidence, problem.Location.Path, StringComparison.Ordinal);
            if (problem.Kind is ReadProblemKind.InvalidUtf8 or ReadProblemKind.DuplicateKey or ReadProblemKind.ImplausibleTime or ReadProblemKind.InvalidJson or ReadProblemKind.TruncatedJson)
            {
                Assert.True(problem.Location.ByteOffset is not null || problem.Location.Line is not null, problem.ToString());
            }
        }
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertTerminalSafe(string name, string text)
    {
        var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => UnsafeCharacters.IsUnsafeInText(x.c));
        Assert.True(bad == default, $"{name}: U+{(int)bad.c:X4} at {bad.i}: {Head(text[Math.Max(0, bad.i - 80)..])}");
    }

    // No cell (CSV parsed loosely: formulas can only start a cell) begins with a formula trigger followed by a call.
    private static void AssertNoFormula(string csv)
    {
        Assert.DoesNotMatch(Formula(), csv);
    }

    private static string Head(string text) => text.Length > 600 ? text[..600] : text;

    [GeneratedRegex(@"^\s+at \S+\(|Exception: |\bat NotebookHelpers\.", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"skipped: \d")]
    private static partial Regex SkippedSummary();

    [GeneratedRegex("<script>alert|<img src=x|</script><script>", RegexOptions.IgnoreCase)]
    private static partial Regex LiveMarkup();

    [GeneratedRegex(@"(^|,|"")[=+\-@](cmd|SUM|2\+3)", RegexOptions.Multiline)]
    private static partial Regex Formula();
}
