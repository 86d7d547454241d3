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

    // Concurrent GC in force shows the process was replaced with the settings; the variables nbh added and its marker
    // are then gone from the environment a notebook's child processes inherit. A user's COMPlus_gcConcurrent=0 is kept
    // (the runtime would prefer an added DOTNET_gcConcurrent=1 over it).
    [Theory]
    [InlineData(null, "Interactive - -")] // Batch (non-concurrent GC) without the settings
    [InlineData("0", "Batch - -")]
    public async Task NbhRunRunsItsNotebooksWithConcurrentGcAndTheGen0Cap(string? userComPlusGcConcurrent, string expected)
    {
        var notebook = Path.Combine(_folder.Path, "gc.ipynb");
        File.WriteAllText(notebook, """
            {"cells":[{"cell_type":"code","execution_count":null,"id":"gc","metadata":{},"outputs":[],
              "source":["$\"{System.Runtime.GCSettings.LatencyMode} {System.Environment.GetEnvironmentVariable(\"DOTNET_GCgen0MaxBudget\") ?? \"-\"} {System.Environment.GetEnvironmentVariable(\"NBH_RUN_GC_SETTINGS\") ?? \"-\"}\""]}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"},"language_info":{"name":"C#"}},
             "nbformat":4,"nbformat_minor":5}
            """);
        var nbh = Path.Combine(RepositoryPaths.RepositoryRoot, "src", "NotebookHelpers.Cli", "bin", DotnetCommand.Configuration, "net10.0", "nbh.dll");
        var environment = new Dictionary<string, string?> { ["DOTNET_gcConcurrent"] = null, ["DOTNET_GCgen0MaxBudget"] = null, ["NBH_RUN_GC_SETTINGS"] = null, ["COMPlus_gcConcurrent"] = userComPlusGcConcurrent };

        var run = await DotnetCommand.RunAsync(_folder.Path, environment, nbh, "run", notebook, "--out", Path.Combine(_folder.Path, "out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "gc.ipynb")));
        var text = string.Concat(executed.RootElement.GetProperty("cells")[0].GetProperty("outputs")[0].GetProperty("data").GetProperty("text/plain")
            .EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(expected, text);
    }

    public void Dispose() => _folder.Dispose();
}
