using System.Text.Json;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

[Collection(ProcessStateCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ExitsOneNamingTheNotebookCellAndErrorAndStillWritesEveryOutput()
    {
        var (good, bad) = WriteNotebooks();
        var output = Path.Combine(_folder.Path, "out");

        var (exit, stdout, stderr) = await Run("run", Path.GetDirectoryName(good)!, "-p", "Who=analyst", "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains($"nbh run: {bad}: cell 2 failed (In [2]): KeyNotFoundException: no such key", stderr, StringComparison.Ordinal);
        Assert.Contains("nbh run: 2 notebooks, 1 succeeded, 1 failed", stderr, StringComparison.Ordinal);
        Assert.Contains("[3/3] cell 2    ok", stderr, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(output, "a-good.html"), Path.Combine(output, "b-bad.html")], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "a-good.ipynb")));
        Assert.Contains("hello analyst", executed.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "b-bad.ipynb")));
    }

    [Fact]
    public async Task AllowErrorsKeepsGoingAndExitsZero()
    {
        var (_, bad) = WriteNotebooks();

        var (exit, _, stderr) = await Run("run", bad, "--allow-errors", "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(0, exit);
        Assert.Contains("[2/2] cell 3    ok", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p", "1bad=x", "run: parameter name '1bad' is not a C# identifier.")]
    [InlineData("-p", "Count=many", "run: parameter Count is declared int in the parameters cell; 'many' is not a int.")]
    [InlineData("--out", "", "")]
    public async Task RejectsBadParametersBeforeRunningAnything(string option, string value, string message)
    {
        var (good, _) = WriteNotebooks();
        if (option == "--out")
        {
            // A missing notebook is a usage error too.
            var (missingExit, _, missingError) = await Run("run", Path.Combine(_folder.Path, "nope.ipynb"));
            Assert.Equal(2, missingExit);
            Assert.Contains("does not exist", missingError, StringComparison.Ordinal);
            return;
        }

        var (exit, _, stderr) = await Run("run", good, option, value, "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(2, exit);
        Assert.Equal("nbh " + message, stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")));
    }

    [Fact]
    public async Task AParameterNoNotebookDeclaresIsAUsageErrorNamingTheClosestDeclaredOne()
    {
        var (good, _) = WriteNotebooks();
        var output = Path.Combine(_folder.Path, "out");

        var (exit, stdout, stderr) = await Run("run", good, "-p", "Wh0=analyst", "--out", output);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"nbh run: unknown parameter 'Wh0': {good} declares no such parameter; did you mean 'Who'? (declared: Who, Count). Add --allow-unknown-parameters to inject it anyway.", stderr.Trim());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task AParameterDeclaredByAnyNotebookOfTheRunIsAccepted()
    {
        var (good, _) = WriteNotebooks();

        var (exit, _, stderr) = await Run("run", Path.GetDirectoryName(good)!, "-p", "Count=2", "--out", Path.Combine(_folder.Path, "out"), "--allow-errors");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("unknown parameter 'Count': ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowUnknownParametersInjectsTheNameWithAWarning()
    {
        var (good, _) = WriteNotebooks();

        var (exit, _, stderr) = await Run("run", good, "-p", "Extra=1", "--allow-unknown-parameters", "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(0, exit);
        Assert.Contains("unknown parameter 'Extra' (its parameters cell declares: Who, Count); injected anyway", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryListsWhatTheNotebooksHadTheLibraryWriteElsewhere()
    {
        var folder = Path.Combine(_folder.Path, "notebooks");
        var library = typeof(NotebookHelpers.Display.WrittenOutputs).Assembly.Location;
        var notebook = Ipynb(folder, "writes-a-report",
            Code($"#r \"{library}\""),
            Code("System.IO.Directory.CreateDirectory(\"report\");\nNotebookHelpers.Display.WrittenOutputs.Announce(\"report\", \"incident report\");"));

        var (exit, _, stderr) = await Run("run", notebook, "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(0, exit);
        var report = Path.Combine(folder, "report") + Path.DirectorySeparatorChar;
        Assert.Contains($"  the notebook wrote its incident report to {report}", stderr, StringComparison.Ordinal);
        Assert.Contains($"outputs in {Path.Combine(_folder.Path, "out")} and {report} (incident report)", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private (string Good, string Bad) WriteNotebooks()
    {
        var folder = Path.Combine(_folder.Path, "notebooks");
        var good = Ipynb(folder, "a-good",
            Code("string Who = \"nobody\";\nint Count = 1;", "parameters"),
            Code("Console.WriteLine($\"hello {Who}\");"));
        var bad = Ipynb(folder, "b-bad",
            Markdown("# Bad"),
            Code("throw new KeyNotFoundException(\"no such key\");"),
            Code("Console.WriteLine(\"after\");"));
        return (good, bad);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
