using System.Security.Cryptography;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.SharedDatasets;

/// <summary>
/// tests/fetch-shared-datasets.cs, the one command that brings ../shared/datasets to a fresh machine, run offline
/// against a mirror of the origins built from today's ../shared: it brings every file back byte for byte (derived
/// files derived again), keeps what is already right, and refuses a file whose bytes do not match its sum.
/// </summary>
public sealed class FetchSharedDatasetsTests : IDisposable
{
    private static readonly string Script = Path.Combine("tests", "fetch-shared-datasets.cs");
    private static readonly string Sums = Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "shared-datasets.sha256");
    private readonly TempDirectory _folder = new();

    [SharedDataFact]
    public void TheSumsListEveryFileOfTheSharedDatasetsWithItsSha256()
    {
        var sums = File.ReadLines(Sums).Select(l => (Sha: l[..64], Path: l[66..])).ToList();
        var files = Directory.EnumerateFiles(RepositoryPaths.SharedDatasets, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.SharedDatasets, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(files, sums.Select(s => s.Path));
        Assert.All(sums, s => Assert.Equal(s.Sha, Sha256(Path.Combine(RepositoryPaths.SharedDatasets, s.Path))));
    }

    [SharedDataFact]
    public async Task BringsEveryFileBackFromAMirrorOfTheOriginsAndRefusesATamperedOne()
    {
        var origins = await Origins();
        var mirror = Path.Combine(_folder.Path, "mirror");
        foreach (var (path, (kind, from)) in origins.Where(o => o.Value.Kind == "copied"))
        {
            var copy = Path.Combine(mirror, from);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(RepositoryPaths.SharedDatasets, path), copy);
        }

        var target = Path.Combine(_folder.Path, "datasets");
        var first = await Fetch("--mirror", mirror, "--to", target);

        Assert.True(first.ExitCode == 0, first.ToString());
        var brought = origins.Where(o => o.Value.Kind is "copied" or "derived").Select(o => o.Key).ToList();
        Assert.Contains(origins, o => o.Value.Kind == "derived");
        Assert.All(brought, p => Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.SharedDatasets, p)), File.ReadAllBytes(Path.Combine(target, p))));
        Assert.All(origins.Where(o => o.Value.Kind == "unavailable"), o =>
        {
            Assert.False(File.Exists(Path.Combine(target, o.Key)));
            Assert.Contains("  " + o.Key + ": ", first.Out, StringComparison.Ordinal);
        });
        Assert.Contains($"0 already present, {brought.Count} fetched or derived, 0 refused or failed", first.Out, StringComparison.Ordinal);

        // One origin file altered, its copy gone from the target, and a derived file's input altered too.
        const string Tampered = "stratus-red-team-detonation-logs/aws.defense-evasion.cloudtrail-stop.json";
        const string Rst = "api-responses/aws-cli.examples.cloudtrail.lookup-events.rst";
        const string Derived = "api-responses/LookupEvents.aws-cli-example.json";
        foreach (var path in new[] { Tampered, Rst, Derived })
        {
            File.Delete(Path.Combine(target, path));
            if (path != Derived)
            {
                File.AppendAllText(Path.Combine(mirror, origins[path].From), " ");
            }
        }

        var second = await Fetch("--mirror", mirror, "--to", target);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"{brought.Count - 3} already present, 0 fetched or derived, 3 refused or failed", second.Out, StringComparison.Ordinal);
        Assert.Contains($"fetch-shared-datasets: {Tampered}: refused: ", second.Error, StringComparison.Ordinal);
        Assert.Contains($"fetch-shared-datasets: {Derived}: not derived: its inputs are missing ({Rst})", second.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, Tampered)));
        Assert.False(File.Exists(Path.Combine(target, Tampered + ".partial")));
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<Dictionary<string, (string Kind, string From)>> Origins()
    {
        var list = await Fetch("--list");
        Assert.True(list.ExitCode == 0, list.ToString());
        return list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1], f[2]), StringComparer.Ordinal);
    }

    private static Task<DotnetCommand.Outcome> Fetch(params string[] args) =>
        DotnetCommand.RunAsync(RepositoryPaths.RepositoryRoot, null, ["run", Script, "--", .. args]);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
