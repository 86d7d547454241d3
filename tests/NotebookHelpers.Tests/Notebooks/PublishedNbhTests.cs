using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Notebooks;

/// <summary>
/// <c>nbh run</c> from <c>dotnet publish</c> output in another folder, where the notebooks' <c>#r</c> path (the Debug
/// build of the library) does not exist: the first notebook of the process must still compile against nbh's own copy.
/// </summary>
public sealed class PublishedNbhTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task APublishedNbhRunsTheFirstNotebookWithoutADebugBuildOfTheLibrary()
    {
        var published = Path.Combine(_folder.Path, "nbh");
        var publish = await DotnetCommand.RunAsync(
            RepositoryPaths.RepositoryRoot, null,
            "publish", Path.Combine("src", "NotebookHelpers.Cli"), "--no-build", "-c", DotnetCommand.Configuration, "-o", published);
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var checkout = Path.Combine(_folder.Path, "checkout");
        var notebook = Path.Combine(checkout, "notebooks", "00-start-here.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(notebook)!);
        File.Copy(Path.Combine(RepositoryPaths.Notebooks, "00-start-here.ipynb"), notebook);
        CopyFolder(Path.Combine(RepositoryPaths.DataSamples, "sample-incident"), Path.Combine(checkout, "data-samples", "sample-incident"));
        Assert.False(File.Exists(Path.Combine(checkout, "src", "NotebookHelpers", "bin", "Debug", "net10.0", "NotebookHelpers.dll")));

        var run = await DotnetCommand.RunAsync(checkout, null, Path.Combine(published, "nbh.dll"), "run", notebook, "--out", Path.Combine(_folder.Path, "out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("CS0006", run.Error, StringComparison.Ordinal);
        Assert.Contains($"nbh run uses its own copy {Path.Combine(published, "NotebookHelpers.dll")}", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "out", "00-start-here.html")));
    }

    public void Dispose() => _folder.Dispose();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
