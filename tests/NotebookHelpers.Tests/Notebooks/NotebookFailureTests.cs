using NotebookHelpers.Notebooks.Documents;
using NotebookHelpers.Notebooks.Execution;
using NotebookHelpers.Tests.Support;
using static NotebookHelpers.Tests.Notebooks.NotebookFixture;

namespace NotebookHelpers.Tests.Notebooks;

[Collection(ProcessStateCollection.Name)]
public sealed class NotebookFailureTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task StopsAtTheFirstFailingCellAndRecordsItsError()
    {
        var result = await Run(false,
            Code("var a = 1;"),
            Markdown("text"),
            Code("throw new InvalidOperationException(\"key is still active\");"),
            Code("Console.WriteLine(\"never\");"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(new CellFailure(3, 2, "InvalidOperationException", "key is still active", Expected: false), failure);
        Assert.True(result.StoppedEarly);
        Assert.False(result.Succeeded);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Document.Cells[2].Outputs));
        Assert.Contains(error.Traceback, line => line.Contains("Submission", StringComparison.Ordinal));
        Assert.Null(result.Document.Cells[3].ExecutionCount);
        Assert.Empty(result.Document.Cells[3].Outputs);
    }

    [Fact]
    public async Task TheTracebackKeepsTheInnerExceptionThatSaysWhy()
    {
        var result = await Run(false,
            Code("throw new InvalidOperationException(\"cannot contain the key\", new UnauthorizedAccessException(\"iam:UpdateAccessKey denied\"));"));

        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Document.Cells[0].Outputs));
        Assert.Contains("---> System.UnauthorizedAccessException: iam:UpdateAccessKey denied", error.Traceback);
    }

    [Fact]
    public async Task AllowErrorsRunsEveryCellAndStillRecordsTheFailures()
    {
        var result = await Run(true,
            Code("int x = \"not a number\";"),
            Code("Console.WriteLine(\"after\");"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("error CS0029", failure.Message, StringComparison.Ordinal);
        Assert.Equal("after\n", Text(result.Document.Cells[1]));
        Assert.False(result.StoppedEarly);
    }

    [Fact]
    public async Task ACellTaggedRaisesExceptionMayFailWithoutFailingTheRun()
    {
        var result = await Run(false,
            Code("throw new UnauthorizedAccessException(\"AccessDenied, as documented\");", NotebookRunner.RaisesExceptionTag),
            Code("Console.WriteLine(\"continued\");"));

        Assert.True(Assert.Single(result.Failures).Expected);
        Assert.True(result.Succeeded);
        Assert.Equal("continued\n", Text(result.Document.Cells[1]));
    }

    [Fact]
    public async Task ReportsACellForAnotherKernelAsUnsupported()
    {
        var path = Ipynb(_folder.Path, "fsharp", Code("printfn \"hi\""));
        var document = await NotebookReader.ReadAsync(path);
        document.Cells[0] = new NotebookCell(CellKind.Code, "printfn \"hi\"", "fsharp") { SourceNumber = 1 };

        var result = await new NotebookRunner().RunAsync(document);

        Assert.Equal("UnsupportedKernel", Assert.Single(result.Failures).ErrorName);
    }

    [Fact]
    public async Task RunsADibNotebookWithItsParametersCell()
    {
        var path = Dib(_folder.Path, "plain",
            ("markdown", "# Dib"),
            ("csharp", "// parameters\nint N = 2;"),
            ("csharp", "N * 21"));
        var document = await NotebookReader.ReadAsync(path);

        var result = await new NotebookRunner(new NotebookRunOptions { Parameters = [new("N", "3")] }).RunAsync(document);

        Assert.True(result.Succeeded);
        Assert.Equal("63", Text(result.Document.Cells[^1]));
        Assert.True(result.Document.Cells[2].HasTag("injected-parameters"));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<NotebookRunResult> Run(bool allowErrors, params System.Text.Json.Nodes.JsonObject[] cells)
    {
        var path = Ipynb(_folder.Path, "n" + Guid.NewGuid().ToString("N")[..8], cells);
        var document = await NotebookReader.ReadAsync(path);
        return await new NotebookRunner(new NotebookRunOptions { AllowErrors = allowErrors }).RunAsync(document);
    }
}
