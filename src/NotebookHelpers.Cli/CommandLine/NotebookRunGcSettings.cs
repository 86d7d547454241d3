using System.Collections;
using System.Runtime.InteropServices;

namespace NotebookHelpers.Cli.CommandLine;

/// <summary>
/// GC settings for <c>nbh run</c>, which a running process cannot change: the process replaces itself (execve, same
/// process id, standard streams and command line) by one started with them. nbh's own settings (non-concurrent GC)
/// suit reading evidence: concurrent GC cost 7–10% more CPU on a 500,000-record query of big objects. But with them
/// the GC lets gen0 grow to ~200 MB between collections, and a notebook that investigates the sample (02, 05, 07)
/// allocates that much on top of ~350 MB of Roslyn, .NET Interactive and runtime: all eight notebooks peaked at
/// 590–700 MB. Concurrent GC with gen0 capped at 4 MB: 510–516 MB, for the same CPU (docs/performance.md, issue 16
/// fourth round). Settings the user already gave in the environment are kept. Not on Windows (no exec): there
/// <c>nbh run</c> runs with nbh's settings. With <c>NBH_RUN_GC_SETTINGS</c> set to anything (under a debugger, which
/// an exec would detach) the process is not replaced either.
/// </summary>
internal static class NotebookRunGcSettings
{
    // Set in the replacing process, so it does not replace itself again.
    private const string Marker = "NBH_RUN_GC_SETTINGS";

    private static readonly (string Name, string Value)[] Settings =
    [
        ("DOTNET_gcConcurrent", "1"),
        ("DOTNET_GCgen0MaxBudget", "400000"), // hexadecimal, as every DOTNET_GC setting: 4 MB
    ];

    /// <summary>
    /// For <c>nbh run</c>, replaces this process by one with the GC settings and does not return; returns when the
    /// command is another, the settings are in force, or the replacement cannot be made (the run then goes on here).
    /// </summary>
    public static void ApplyToRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "run" || args.Contains("--help") || args.Contains("-h") || OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable(Marker) is not null)
        {
            return;
        }

        var host = Environment.ProcessPath;
        if (host is null)
        {
            return;
        }

        var argv = new List<string> { host };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // `dotnet nbh.dll run …`: the host needs the application's path again.
            var app = typeof(NotebookRunGcSettings).Assembly.Location;
            if (app.Length == 0)
            {
                return;
            }

            argv.Add(app);
        }

        argv.AddRange(args);
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            environment[(string)e.Key] = (string?)e.Value ?? "";
        }

        foreach (var (name, value) in Settings)
        {
            environment.TryAdd(name, value);
        }

        environment[Marker] = "1";
        Exec(host, argv, environment.Select(e => e.Key + "=" + e.Value));
    }

    private static void Exec(string path, IEnumerable<string> argv, IEnumerable<string> environment)
    {
        var allocated = new List<IntPtr>();
        IntPtr Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            allocated.Add(p);
            return p;
        }

        try
        {
            // Each array ends with a null pointer, as execve requires. execve returns only when it failed.
            _ = NativeMethods.execve(Utf8(path), [.. argv.Select(Utf8), IntPtr.Zero], [.. environment.Select(Utf8), IntPtr.Zero]);
        }
        finally
        {
            allocated.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int execve(IntPtr path, IntPtr[] argv, IntPtr[] envp);
    }
}
