using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Notebooks.Parameters;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>Runner semantics on one notebook that exercises parameters, outputs, displays and references.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class NotebookRunnerTests : IClassFixture<NotebookRunnerTests.Run>
{
    private readonly Run _run;

    public NotebookRunnerTests(Run run)
    {
        _run = run;
    }

    [Fact]
    public void InjectsTheParametersAfterTheParametersCellTypedByTheirDeclarations()
    {
        var cells = _run.Result.Document.Cells;

        Assert.True(cells[1].HasTag(ParameterInjection.ParametersTag));
        Assert.True(cells[2].HasTag(ParameterInjection.InjectedTag));
        Assert.Equal("AKIA0000|8|2024-05-01T13:00:00.0000000+00:00|DateTimeOffset|True", Text(_run.Cell("Echo")).Trim());
        Assert.Equal(["AccessKeyId", "Count", "Start", "Flag"], _run.Result.Injection!.Values.Select(v => v.Name));
    }

    [Fact]
    public void NumbersExecutedCellsAndRecordsStdoutStderrAndTheLastValue()
    {
        var cell = _run.Cell("Streams");

        Assert.Equal(new CellOutput[]
        {
            new StreamOutput("stdout", "out 1\nout 2\n"),
            new StreamOutput("stderr", "err\n"),
        }, cell.Outputs.Take(2));
        var result = Assert.IsType<ExecuteResultOutput>(cell.Outputs[2]);
        Assert.Equal(cell.ExecutionCount, result.ExecutionCount);
        Assert.Equal("42", result.Data["text/plain"]);
        Assert.Contains("text/html", result.Data.Keys);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], _run.Result.Document.Cells.Where(c => c.ExecutionCount is not null).Select(c => c.ExecutionCount!.Value));
    }

    [Fact]
    public void ResolvesRelativeReferencesAgainstTheNotebookFolderAndBindsTheLibraryOnce()
    {
        Assert.Equal(LibraryPath, Text(_run.Cell("Library")).Trim());
        Assert.Empty(_run.Result.Warnings);
    }

    [Fact]
    public void RunsCellsInTheNotebookFolderAndRestoresTheWorkingDirectory()
    {
        Assert.Equal(Path.GetDirectoryName(_run.NotebookPath), Text(_run.Cell("Folder")).Trim());
        Assert.Equal(_run.WorkingDirectoryBefore, Environment.CurrentDirectory);
    }

    [Fact]
    public void AProgressDisplayEndsAsOneOutputShowingItsFinalState()
    {
        var outputs = _run.Cell("Progress").Outputs;

        var display = Assert.IsType<DisplayDataOutput>(Assert.Single(outputs));
        Assert.Equal("Reading evidence: 5 files read", display.Data["text/plain"]);
        Assert.Contains("width:100%", display.Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryValuesDisplayAsHtmlAndPlainText()
    {
        var cell = _run.Cell("Table");

        Assert.Contains("nbhSortTable", Text(cell, "text/html"), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Text(cell, "text/html"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", Text(cell, "text/html"), StringComparison.Ordinal);
        Assert.StartsWith("1 row · 1 column", Text(cell), StringComparison.Ordinal);
    }

    [Fact]
    public void PlotlyNetChartsRenderOfflineThroughTheHostFormatter()
    {
        var html = Text(_run.Cell("PlotlyNet"), "text/html");

        Assert.StartsWith(NotebookHelpers.Charts.PlotlyJs.LoaderStart, html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
        var outside = html.Replace(NotebookHelpers.Charts.PlotlyJs.Source, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("require.min.js", outside, StringComparison.Ordinal);
    }

    [Fact]
    public void SucceedsWithoutFailuresOrWarnings()
    {
        Assert.Empty(_run.Result.Failures.Select(f => $"{f.Where}: {f.ErrorName}: {f.Message}"));
        Assert.True(_run.Result.Succeeded);
        Assert.False(_run.Result.StoppedEarly);
    }

    /// <summary>Runs the notebook once for the whole class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        private readonly TempDirectory _folder = new();

        public NotebookRunResult Result { get; private set; } = null!;

        public string NotebookPath { get; private set; } = null!;

        public string WorkingDirectoryBefore { get; private set; } = null!;

        public NotebookCell Cell(string marker) =>
            Result.Document.Cells.Single(c => c.Source.StartsWith("// " + marker + "\n", StringComparison.Ordinal));

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(_folder.Path, "lib"));
            File.Copy(LibraryPath, Path.Combine(_folder.Path, "lib", "NotebookHelpers.dll"));
            var plotlyNet = typeof(Plotly.NET.GenericChart).Assembly.Location;
            var dynamicObj = typeof(DynamicObj.DynamicObj).Assembly.Location;
            NotebookPath = Ipynb(Path.Combine(_folder.Path, "notebooks"), "runner",
                Markdown("# Runner fixture"),
                Code("string AccessKeyId = \"AKIADEFAULT\";\nint Count = 1;\nDateTimeOffset? Start = null;\nbool Flag = false;", "parameters"),
                Code("// Echo\n$\"{AccessKeyId}|{Count + 1}|{Start?.ToString(\"O\")}|{Start?.GetType().Name}|{Flag}\""),
                Code("// Streams\nConsole.WriteLine(\"out 1\");\nConsole.WriteLine(\"out 2\");\nConsole.Error.WriteLine(\"err\");\n6 * 7"),
                Code("// Library\n#r \"../lib/NotebookHelpers.dll\"\nusing NotebookHelpers.Html;\ntypeof(HtmlTable).Assembly.Location"),
                Code("// Folder\nSystem.IO.Directory.GetCurrentDirectory()"),
                Code("// Progress\nvar progress = NotebookHelpers.Display.ProgressDisplay.Start(\"Reading evidence\", total: 5, unit: \"files\");\nfor (var i = 0; i < 5; i++) { await Task.Delay(120); progress.Increment(); }\nprogress.Complete(\"5 files read\");"),
                Code("// Table\nnew HtmlTable(new[] { \"userAgent\" }, new[] { new string?[] { \"<script>alert(1)</script>\" } })"),
                Code($"// PlotlyNet\n#r \"{plotlyNet}\"\n#r \"{dynamicObj}\"\nvar trace = new Plotly.NET.Trace2D(\"bar\");\ntrace.SetProperty(\"x\", new[] {{ \"</script><script>alert(2)</script>\" }});\ntrace.SetProperty(\"y\", new[] {{ 1 }});\nPlotly.NET.GenericChart.ofTraceObject(true, trace)"));
            WorkingDirectoryBefore = Environment.CurrentDirectory;
            var document = await NotebookReader.ReadAsync(NotebookPath);
            var options = new NotebookRunOptions
            {
                Parameters = [new("AccessKeyId", "AKIA0000"), new("Count", "7"), new("Start", "2024-05-01T15:00:00+02:00"), new("Flag", "true")],
            };
            Result = await new NotebookRunner(options).RunAsync(document);
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
