namespace NotebookHelpers.Tests.Support;

/// <summary>Locates the repository root, data-samples/ and the shared third-party datasets (../shared/datasets).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds NotebookHelpers.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>data-samples/ in the repository.</summary>
    public static string DataSamples => Path.Combine(RepositoryRoot, "data-samples");

    /// <summary>notebooks/ in the repository.</summary>
    public static string Notebooks => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>../shared/datasets relative to the repository root (present in CI and on developer machines).</summary>
    public static string SharedDatasets => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets"));

    /// <summary>
    /// The full path of a file or folder under ../shared/datasets. When the shared datasets are absent the test
    /// fails with a message that says so plainly, instead of passing without having read anything.
    /// </summary>
    public static string SharedDataset(string relativePath)
    {
        var path = Path.Combine(SharedDatasets, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new SharedDatasetMissingException(
                $"This test needs the third-party CloudTrail recordings at {path}. They live outside the repository " +
                "(../shared/datasets, next to the clone) because their licences do not allow copying them in; " +
                $"{SharedData.HowToGet}. A test that reads them carries [SharedDataFact] or [SharedDataTheory].");
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookHelpers.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException(
            $"Cannot find NotebookHelpers.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Thrown when ../shared/datasets is not next to the repository.</summary>
public sealed class SharedDatasetMissingException(string message) : Exception(message);
