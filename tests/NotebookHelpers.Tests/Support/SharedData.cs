namespace NotebookHelpers.Tests.Support;

/// <summary>
/// Whether the shared folder next to the clone (../shared: third-party CloudTrail recordings and references) is
/// here, and what a test that needs it does when it is not: skip on a developer's plain clone, fail under CI.
/// </summary>
public static class SharedData
{
    /// <summary>The one command that brings the recordings, named in every skip reason.</summary>
    public const string HowToGet = "fetch them with `dotnet run tests/fetch-shared-datasets.cs` (see README, \"Tests\")";

    /// <summary>../shared relative to the repository root.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RepositoryPaths.RepositoryRoot, "..", "shared"));

    /// <summary>True when ../shared/datasets is present.</summary>
    public static bool IsPresent => Directory.Exists(Path.Combine(Root, "datasets"));

    /// <summary>True when the environment says this is CI (<c>CI=true</c>, as CI services set it).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Null when tests that need ../shared must run (it is present, or this is CI, where its absence is a failure);
    /// otherwise the reason they are skipped.
    /// </summary>
    public static string? SkipReason => IsPresent || IsCi
        ? null
        : $"needs the third-party CloudTrail recordings in {Root}, which are not in this clone; {HowToGet}";

    /// <summary>
    /// Like <see cref="SkipReason"/>, and also skipped (outside CI) when ../shared is there but lacks one of
    /// <paramref name="files"/> (paths under datasets/): files with no public origin, which the fetch script cannot
    /// bring to a machine that fetched the rest.
    /// </summary>
    public static string? SkipReasonFor(IReadOnlyList<string> files)
    {
        if (SkipReason is not null || IsCi)
        {
            return SkipReason;
        }

        var missing = files.Where(f => !File.Exists(Path.Combine(Root, "datasets", f))).ToList();
        return missing.Count == 0
            ? null
            : $"needs {string.Join(", ", missing)} in {Path.Combine(Root, "datasets")}, which has no public origin the fetch script could bring it from; copy it from a machine that has ../shared";
    }

    /// <summary>
    /// Theory rows read from ../shared at discovery time: the rows when present, else one placeholder row so the
    /// (skipped) theory still has something to show. Under CI a missing folder throws, failing discovery loudly.
    /// </summary>
    public static TheoryData<T> RowsOrPlaceholder<T>(Func<IEnumerable<T>> rows, T placeholder)
    {
        var data = new TheoryData<T>();
        foreach (var row in SkipReason is null ? rows() : [placeholder])
        {
            data.Add(row);
        }

        return data;
    }
}
