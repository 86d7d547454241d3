using System.Diagnostics;
using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Tests.Investigation;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// An evidence folder with symlinks back to itself, a FIFO and a link to a device: every command reads the real
/// files once, names each odd entry, and never hangs (each run is bounded by a timeout, so a regression fails).
/// </summary>
public sealed class FolderWalkTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public void LinksBackToTheFolderAreWalkedOnceAndNamed()
    {
        using var dir = new TempDirectory();
        var evidence = Evidence(dir);

        var (events, report) = EvidenceReader.ReadAll([evidence]);

        Assert.Equal(LeakedKeyScenario.Build().Events.Count, events.Count);
        var seen = report.Problems.Where(p => p.Kind == ReadProblemKind.FolderSeenBefore).Select(p => p.Location.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([Path.Combine(evidence, "again"), Path.Combine(evidence, "also"), Path.Combine(evidence, "sub", "up")], seen);
        Assert.All(report.Problems.Where(p => p.Kind == ReadProblemKind.FolderSeenBefore), p => Assert.True(p.IsNotice));
        if (OperatingSystem.IsLinux())
        {
            var skipped = report.Problems.Where(p => p.Kind == ReadProblemKind.NotAFile).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal([$"{Path.Combine(evidence, "pipe.json")}: a FIFO, not a file: not opened", $"{Path.Combine(evidence, "zero.json")}: a character device, not a file: not opened"], skipped);
            Assert.Equal(2, report.Skipped);
        }
    }

    [Fact]
    public void ALinkToAFolderOutsideIsReadLikeTheFolderItself()
    {
        using var dir = new TempDirectory();
        var real = Directory.CreateDirectory(Path.Combine(dir.Path, "real")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(real, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        File.CreateSymbolicLink(Path.Combine(evidence, "logs"), "../real");

        var (events, report) = EvidenceReader.ReadAll([evidence]);

        Assert.Equal(LeakedKeyScenario.Build().Events.Count, events.Count);
        Assert.Empty(report.Problems);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("query")]
    [InlineData("investigate")]
    [InlineData("report")]
    public async Task EveryCommandFinishesAndNamesTheOddEntries(string command)
    {
        using var dir = new TempDirectory();
        var evidence = Evidence(dir);
        string[] args = command switch
        {
            "events" => ["events", evidence],
            "query" => ["query", "--logs", evidence, "stats count(*) as n"],
            "investigate" => ["investigate", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey],
            _ => ["report", "--logs", evidence, "--access-key-id", LeakedKeyScenario.LeakedKey, "--out", Path.Combine(dir.Path, "out"), "--no-charts"],
        };

        var (exit, stdout, stderr) = await Cli.Run(args).WaitAsync(Limit);

        Assert.Equal(0, exit);
        if (command == "query")
        {
            Assert.Contains($"\n{LeakedKeyScenario.Build().Events.Count}\n", stdout, StringComparison.Ordinal);
        }

        if (OperatingSystem.IsLinux() && command is "events" or "investigate" or "report")
        {
            Assert.Contains(Path.Combine(evidence, "pipe.json"), stderr, StringComparison.Ordinal);
        }
    }

    // The scenario's trail file, two links to the folder itself, a link from a subfolder to its parent, and on Linux
    // a FIFO and a link to /dev/zero, both named like evidence.
    private static string Evidence(TempDirectory dir)
    {
        var evidence = Directory.CreateDirectory(Path.Combine(dir.Path, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));
        File.CreateSymbolicLink(Path.Combine(evidence, "again"), ".");
        File.CreateSymbolicLink(Path.Combine(evidence, "also"), ".");
        Directory.CreateDirectory(Path.Combine(evidence, "sub"));
        File.CreateSymbolicLink(Path.Combine(evidence, "sub", "up"), "..");
        if (OperatingSystem.IsLinux())
        {
            using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(evidence, "pipe.json")]) { UseShellExecute = false })!)
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            File.CreateSymbolicLink(Path.Combine(evidence, "zero.json"), "/dev/zero");
        }

        return evidence;
    }
}
