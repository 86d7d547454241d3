using System.Globalization;
using NotebookHelpers.Sources;

namespace NotebookHelpers.SampleIncident;

/// <summary>
/// Generates a training scenario on demand into <c>out/samples/NAME/</c> (git-ignored) and reuses it while the
/// generator is unchanged: a stamp beside the files names the scenario, the seed and the generator build, so a
/// rebuilt generator regenerates. The mining story is the committed sample and is never generated here.
/// </summary>
public static class SampleScenarioCache
{
    /// <summary>The stamp file written last, once every file is in place.</summary>
    public const string StampFile = ".generated";

    /// <summary>The folder holding <paramref name="scenario"/>'s copies, generating it first when missing or stale.</summary>
    /// <exception cref="ArgumentException">The scenario is unknown, or no repository is found.</exception>
    public static string Ensure(string scenario, string? repositoryRoot = null, IProgress<string>? progress = null)
    {
        var name = SampleScenarios.Find(scenario).Name;
        var root = SampleIncidentLocator.RepositoryRoot(repositoryRoot);
        if (name == SampleScenarios.Default)
        {
            return Path.Combine(root, "data-samples", "sample-incident");
        }

        var folder = SampleIncidentLocator.ScenarioFolder(name, root);
        var stamp = Stamp(name);
        if (IsCurrent(folder, stamp))
        {
            return folder;
        }

        // Generate beside the final folder and move it in: a reader never sees half a scenario, and two processes
        // generating at once each finish their own copy (the same bytes) before one of them wins the move.
        var staging = folder + ".staging-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        progress?.Report($"generating the '{name}' scenario into {folder}");
        SampleIncidentGenerator.Generate(new SampleIncidentOptions { OutputDirectory = staging, Scenario = name }, progress);
        File.WriteAllText(Path.Combine(staging, StampFile), stamp);
        if (Directory.Exists(folder) && !IsCurrent(folder, stamp))
        {
            RemoveStale(folder, stamp);
        }

        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (IsCurrent(folder, stamp))
        {
            Delete(staging);
        }

        return folder;
    }

    /// <summary>
    /// Moves a copy found stale out of the way and deletes it; a copy that turns out current once moved (another
    /// generator moved it in after the check) goes back instead.
    /// </summary>
    internal static void RemoveStale(string folder, string stamp)
    {
        // Moved aside before it is deleted: another generator (thread or process) may be replacing the same stale
        // copy, and only one of them can move it; deleting it in place, each deleted files the other was deleting.
        var stale = folder + ".stale-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.Move(folder, stale);
        }
        catch (IOException) when (!Directory.Exists(folder) || IsCurrent(folder, stamp))
        {
            // The other one moved it first (and may have moved its fresh copy in already).
            return;
        }

        if (IsCurrent(stale, stamp))
        {
            // Between the check and the move another generator moved its fresh copy in, which a caller may be
            // reading: it goes back (the caller's move of its own copy then fails and it deletes that one).
            RestoreOrDelete(stale, folder);
        }
        else
        {
            Delete(stale);
        }
    }

    private static void RestoreOrDelete(string moved, string folder)
    {
        try
        {
            Directory.Move(moved, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // A third generator's copy is in place already; this one is a spare.
            Delete(moved);
        }
    }

    private static bool IsCurrent(string folder, string stamp)
    {
        var path = Path.Combine(folder, StampFile);
        return File.Exists(path) && File.ReadAllText(path) == stamp;
    }

    private static string Stamp(string scenario) => string.Create(CultureInfo.InvariantCulture,
        $"{scenario} seed {SampleIncidentOptions.DefaultSeed} generator {typeof(SampleIncidentGenerator).Assembly.ManifestModule.ModuleVersionId}\n");

    private static void Delete(string folder)
    {
        // Evidence files are written read-only (write-once); Windows refuses to delete those.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(folder, recursive: true);
    }
}
