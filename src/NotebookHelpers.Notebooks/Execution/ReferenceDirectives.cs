using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace NotebookHelpers.Notebooks.Execution;

/// <summary>
/// Prepares <c>#r "path"</c> directives for the in-process kernel. A relative path is resolved against the notebook's
/// folder, as Jupyter resolves it (it starts the kernel there). A reference to an assembly this process already holds
/// — NotebookHelpers.dll, which <c>nbh run</c> itself uses — is pointed at that copy: .NET binds the notebook's code to
/// the loaded copy anyway, and compiling against the same file keeps compile time and run time in agreement. When the
/// two files differ (the library was rebuilt but nbh was not) the caller gets a warning.
/// </summary>
public static partial class ReferenceDirectives
{
    /// <summary>Returns <paramref name="code"/> with its <c>#r</c> paths rewritten; problems are added to <paramref name="warnings"/>.</summary>
    public static string Rewrite(string code, string notebookDirectory, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(warnings);
        return ReferenceLine().Replace(code, match =>
        {
            var target = match.Groups["path"].Value;
            if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                return match.Value;
            }

            var full = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(notebookDirectory, target));
            var loaded = HostAssembly(Path.GetFileNameWithoutExtension(full));
            if (loaded is not null && !PathsEqual(loaded.Location, full))
            {
                if (!File.Exists(full))
                {
                    warnings.Add($"#r \"{target}\": {full} does not exist; nbh run uses its own copy {loaded.Location}. Build the solution (dotnet build) so the notebook also opens in Jupyter.");
                }
                else if (ModuleVersionId(full) is { } mvid && mvid != loaded.ManifestModule.ModuleVersionId)
                {
                    warnings.Add($"#r \"{target}\": {full} differs from the copy nbh run uses ({loaded.Location}); that copy is used. Rebuild (dotnet build) so both match.");
                }

                full = loaded.Location;
            }

            return match.Groups["prefix"].Value + "\"" + full + "\"" + match.Groups["suffix"].Value;
        });
    }

    // The host's copy: loaded already, or one of the application's own assemblies (listed in nbh.deps.json) that
    // nothing has touched yet. Without the second case the first notebook of a process compiled against the #r path
    // itself, which a Release or published nbh run outside a Debug build does not have (CS0006).
    private static Assembly? HostAssembly(string simpleName)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a =>
            !a.IsDynamic && !string.IsNullOrEmpty(a.Location) &&
            string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null || !IsApplicationAssembly(simpleName))
        {
            return loaded;
        }

        try
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(simpleName));
            return string.IsNullOrEmpty(assembly.Location) ? null : assembly;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static bool IsApplicationAssembly(string simpleName) =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(path => string.Equals(Path.GetFileNameWithoutExtension(path), simpleName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), StringComparison.Ordinal));

    private static Guid? ModuleVersionId(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [GeneratedRegex("^(?<prefix>[ \\t]*#r[ \\t]+)\"(?<path>[^\"\\r\\n]+)\"(?<suffix>[ \\t]*\\r?)$", RegexOptions.Multiline)]
    private static partial Regex ReferenceLine();
}
