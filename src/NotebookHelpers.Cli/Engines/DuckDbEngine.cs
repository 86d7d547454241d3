using System.Reflection;
using System.Runtime.Loader;
using NotebookHelpers.Cli.CommandLine;
using NotebookHelpers.Insights;

namespace NotebookHelpers.Cli.Engines;

/// <summary>
/// Loads the DuckDB engine (<c>src/NotebookHelpers.DuckDb</c>) when it is built. <c>nbh</c> does not reference it,
/// so the README's main command never restores DuckDB.NET.Data.Full (~421 MB unpacked, natives for every platform);
/// <c>--engine duckdb</c> loads its build output into its own load context (its managed and native dependencies
/// resolved from its deps.json) sharing this process's NotebookHelpers library.
/// </summary>
internal static class DuckDbEngine
{
    private const string EngineAssembly = "NotebookHelpers.DuckDb";

    /// <summary>What to do when the engine is not built.</summary>
    public const string HowToBuild =
        "the DuckDB engine is not built (nbh does not download DuckDB by default: DuckDB.NET.Data.Full is ~421 MB unpacked); " +
        "build it once with `dotnet build src/NotebookHelpers.DuckDb` (or set NBH_DUCKDB to its NotebookHelpers.DuckDb.dll), then rerun.";

    /// <summary>A DuckDB runner over <paramref name="source"/>.</summary>
    /// <exception cref="UsageException">The engine is not built.</exception>
    public static IInsightsQueryRunner Create(InsightsRecordSource source)
    {
        var path = Find() ?? throw new UsageException("query: --engine duckdb: " + HowToBuild);
        var context = new EngineLoadContext(path);
        var assembly = context.LoadFromAssemblyPath(path);
        var create = assembly.GetType("NotebookHelpers.DuckDb.DuckDbQueryRunner")?.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(InsightsRecordSource)])
            ?? throw new UsageException($"query: --engine duckdb: {path} has no DuckDbQueryRunner.Create; rebuild it with `dotnet build src/NotebookHelpers.DuckDb`.");
        return (IInsightsQueryRunner)create.Invoke(null, [source])!;
    }

    /// <summary>The engine's assembly: NBH_DUCKDB, next to nbh, or the repository's build output of nbh's configuration first.</summary>
    internal static string? Find()
    {
        if (Environment.GetEnvironmentVariable("NBH_DUCKDB") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var here = Path.Combine(AppContext.BaseDirectory, EngineAssembly + ".dll");
        if (File.Exists(here))
        {
            return here;
        }

#if DEBUG
        string[] configurations = ["Debug", "Release"];
#else
        string[] configurations = ["Release", "Debug"];
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in configurations)
            {
                var candidate = Path.Combine(dir.FullName, "src", EngineAssembly, "bin", configuration, "net10.0", EngineAssembly + ".dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed class EngineLoadContext(string path) : AssemblyLoadContext("nbh-duckdb")
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The library (and the framework) are shared with nbh, so the runner is an IInsightsQueryRunner here.
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } file ? LoadFromAssemblyPath(file) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } file ? LoadUnmanagedDllFromPath(file) : IntPtr.Zero;
    }
}
