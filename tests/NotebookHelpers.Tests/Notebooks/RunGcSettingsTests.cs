using System.Text.Json;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// <c>nbh run</c> started as a command (not in-process) runs its notebooks with concurrent GC and a capped gen0
/// (docs/performance.md, issue 16 fourth round).
/// </summary>
public sealed class RunGcSettingsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task NbhRunRunsItsNotebooksWithConcurrentGcAndTheGen0Cap()
    {
        var notebook = Path.Combine(_folder.Path, "gc.ipynb");
        File.WriteAllText(notebook, """
            {"cells":[{"cell_type":"code","execution_count":null,"id":"gc","metadata":{},"outputs":[],
              "source":["$\"{System.Runtime.GCSettings.LatencyMode} {System.Environment.GetEnvironmentVariable(\"DOTNET_GCgen0MaxBudget\")}\""]}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},"language_info":{"name":"C#"}},
             "nbformat":4,"nbformat_minor":5}
            """);
        var nbh = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "NotebookHelpers.Cli", "bin", DotnetCommand.Configuration, "net10.0", "nbh.dll");
        var environment = new Dictionary<string, string?> { ["DOTNET_gcConcurrent"] = null, ["DOTNET_GCgen0MaxBudget"] = null, ["NBH_RUN_GC_SETTINGS"] = null };

        var run = await DotnetCommand.RunAsync(_folder.Path, environment, nbh, "run", notebook, "--out", Path.Combine(_folder.Path, "out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "gc.ipynb")));
        var text = string.Concat(executed.RootElement.GetProperty("cells")[0].GetProperty("outputs")[0].GetProperty("data").GetProperty("text/plain")
            .EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Interactive 400000", text); // Batch (non-concurrent GC) and no cap without the settings
    }

    public void Dispose() => _folder.Dispose();
}
