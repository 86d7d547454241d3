using System.Text.Json;
using NotebookHelpers.Aws.Containment;
using NotebookHelpers.Aws.EvidenceFolder;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Evidence;
using NotebookHelpers.Investigation;
using NotebookHelpers.Tests.Charts;
using NotebookHelpers.Tests.Support;
using NotebookHelpers.WriteUp;

namespace NotebookHelpers.Tests.WriteUp;

/// <summary>
/// The report's files: byte-identical reruns, the actions log, the manifest's checks, hostile strings, and nbh report.
/// In the notebook-runs collection: opening a case shows a progress display, which must not land in a running notebook.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class IncidentReportFilesTests
{
    [Fact]
    public async Task ARerunOnTheSameEvidenceWritesByteIdenticalFiles()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var written = await (await Open("sample")).Report().WriteFilesAsync(first.Path);
        await (await Open("sample")).Report().WriteFilesAsync(second.Path);

        Assert.Equal([IncidentReport.HtmlFileName, IncidentReport.FindingsJsonFileName, IncidentReport.FindingsCsvFileName, IncidentReport.ManifestFileName], written.Select(Path.GetFileName));
        foreach (var file in written)
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(second.Path, Path.GetFileName(file))));
        }
    }

    [Fact]
    public async Task ExecutedActionsFromTheEvidenceFolderAreActionsTakenAndABrokenLineIsNamed()
    {
        using var temp = new TempDirectory();
        var folder = EvidenceDirectory.Open(Path.Combine(temp.Path, "evidence"));
        var action = ContainmentPlanner.DeactivateKey(InvestigatedSample.BackdoorKey, "svc-backup-sync");
        await folder.AppendActionAsync(new ContainmentRecord(
            DateTimeOffset.Parse("2025-03-12T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), action.Operation,
            action.Parameters.ToDictionary(p => p.Key, p => p.Value), action.CliCommand, "arn:aws:iam::739154086213:user/tom.becker", "succeeded"));
        await File.AppendAllTextAsync(Path.Combine(folder.Root, EvidenceDirectory.ActionsFileName), "{\"time\": cut short\n");

        var log = ActionsLog.Read(folder.Root);
        var report = (await Open("sample", folder.Root)).Report(new IncidentReportOptions { IncludeCharts = false });

        var record = Assert.Single(log.Records);
        Assert.Equal("UpdateAccessKey", record.Operation);
        Assert.StartsWith($"{Path.Combine(folder.Root, "actions.jsonl")}:line 2: not an action record", Assert.Single(log.Problems), StringComparison.Ordinal);
        var taken = Assert.Single(report.ActionsTaken, a => a.Source == "actions log");
        Assert.Equal((action.CliCommand, "succeeded", "arn:aws:iam::739154086213:user/tom.becker"), (taken.Command, taken.Outcome, taken.By));
        Assert.Contains(report.Timeline, t => t.Kind == "action executed" && t.Detail.StartsWith(action.CliCommand, StringComparison.Ordinal));
        Assert.Contains(report.Options.Manifest!.Roots, r => r.Label == "evidence folder");
        Assert.Contains("line 2: not an action record", report.ToHtmlPage(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceFolderFilesAreCheckedAgainstTheirManifestAndAChangedFileIsReported()
    {
        using var temp = new TempDirectory();
        var copy = Path.Combine(temp.Path, "event-history");
        foreach (var file in Directory.EnumerateFiles(InvestigatedSample.EventHistoryPath, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(InvestigatedSample.EventHistoryPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var intact = EvidenceManifest.Build([new EvidenceRoot("sample:event-history", copy)]);
        var page = Directory.EnumerateFiles(copy, "page-0001.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.SetAttributes(page, FileAttributes.Normal);
        File.AppendAllText(page, " ");
        var changed = EvidenceManifest.Build([new EvidenceRoot("sample:event-history", copy)]);

        Assert.All(intact.Files.Where(f => f.Path != "manifest.jsonl"), f => Assert.Equal("matches manifest", f.ManifestCheck));
        Assert.Equal("not in manifest", intact.Files.Single(f => f.Path == "manifest.jsonl").ManifestCheck);
        Assert.Empty(intact.Mismatches);
        Assert.Equal(Path.GetRelativePath(copy, page).Replace('\\', '/'), Assert.Single(changed.Mismatches).Path);
        Assert.NotEqual(intact.Fingerprint, changed.Fingerprint);
    }

    [Fact]
    public async Task AnEventHistoryReportSaysObjectReadsCannotBeSeen()
    {
        var incident = await Open("sample:event-history");

        var report = incident.Report(new IncidentReportOptions { IncludeCharts = false });

        Assert.Equal(InvestigatedSample.LeakedKey, incident.Investigation!.AccessKeyId);
        var exfiltration = report.Questionnaire.Single(a => a.Question.Id == "data-exfiltration");
        Assert.Equal(AnswerStatus.PartlyFromEvidence, exfiltration.Status);
        Assert.Contains(exfiltration.Facts, f => f.StartsWith("This evidence has no data events", StringComparison.Ordinal));
        Assert.All(report.Options.Manifest!.Files.Where(f => f.Path != "manifest.jsonl"), f => Assert.Equal("matches manifest", f.ManifestCheck));
    }

    [Fact]
    public void HostileStringsRenderInertlyInEveryFile()
    {
        var investigator = new Investigator(HostileEvents.Build());
        var report = IncidentReportBuilder.Build(investigator, [investigator.Investigate(HostileEvents.Key)], new IncidentReportOptions { Title = "Report " + HostileEvents.Script, Analyst = HostileEvents.Bold });

        var page = report.ToHtmlPage();
        var fragment = new StringWriter();
        report.WriteHtml(fragment);

        foreach (var html in new[] { page, fragment.ToString() })
        {
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        }

        Assert.Contains("ops&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains(report.AffectedResources, a => a.Name == HostileEvents.User);
        using var json = JsonDocument.Parse(report.FindingsJson());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("summary").GetString()!.Contains(HostileEvents.User, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void CsvCellsAreQuotedAndFormulasDefused(string? value, string expected) =>
        Assert.Equal(expected, NotebookHelpers.Display.CsvText.Cell(value));

    [SharedDataFact]
    public void ReportOfARealRecordingIsWrittenTheSameTwice()
    {
        var (events, _) = EvidenceReader.ReadAll([InvestigatedSample.RecordingPath]);
        string Build()
        {
            var investigator = new Investigator(events);
            return IncidentReportBuilder.Build(investigator, [investigator.Investigate(InvestigatedSample.RecordingKey)]).ToHtmlPage();
        }

        var first = Build();

        Assert.Equal(first, Build());
        Assert.Contains("malicious-iam-user", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NbhReportWritesTheFilesAndListsThemOnStdout()
    {
        using var temp = new TempDirectory();

        var (exit, stdout, stderr) = await Run("report", "--logs", InvestigatedSample.TrailPath, "--out", temp.Path, "--no-charts", "--answer", "business-impact=Mining cost only");
        var again = await Run("report", "--logs", InvestigatedSample.TrailPath, "--out", Path.Combine(temp.Path, "again"), "--no-charts", "--answer", "business-impact=Mining cost only");

        Assert.Equal(0, exit);
        Assert.Equal(4, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches("[0-9]+ findings on AKIA3NWPX4QHZRT7K2MD", stderr);
        Assert.Contains("<b>Analyst:</b> Mining cost only", await File.ReadAllTextAsync(Path.Combine(temp.Path, IncidentReport.HtmlFileName)), StringComparison.Ordinal);
        foreach (var name in new[] { IncidentReport.HtmlFileName, IncidentReport.FindingsJsonFileName, IncidentReport.FindingsCsvFileName, IncidentReport.ManifestFileName })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(temp.Path, name)), await File.ReadAllBytesAsync(Path.Combine(temp.Path, "again", name)));
        }

        Assert.Equal(0, again.Exit);
    }

    [Theory]
    [InlineData("--answer", "no-such-question=x")]
    [InlineData("--access-key-id", "not a key")]
    [InlineData("--start", "yesterday-ish")]
    public async Task NbhReportRefusesBadArgumentsWithAUsageError(string option, string value)
    {
        var (exit, _, stderr) = await Run("report", "--logs", InvestigatedSample.TrailPath, option, value);

        Assert.Equal(2, exit);
        Assert.Contains("report:", stderr, StringComparison.Ordinal);
    }

    private static Task<IncidentCase> Open(string source, string? evidenceFolder = null) =>
        IncidentCase.OpenAsync(source, evidenceFolder: evidenceFolder);

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
