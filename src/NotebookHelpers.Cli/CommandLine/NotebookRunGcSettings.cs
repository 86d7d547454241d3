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
/// fourth round). Settings the user already gave in the environment (as DOTNET_X or COMPlus_X) are kept, and the
/// replacing process takes the ones nbh added out of its environment again, so a notebook's child processes do not
/// inherit them. Not on Windows (no exec): there
/// <c>nbh run</c> runs with nbh's settings. With <c>NBH_RUN_GC_SETTINGS</c> set to anything (under a debugger, which
/// an exec would detach) the process is not replaced either.
/// </summary>
internal static class NotebookRunGcSettings
{
    // Set in the replacing process, so it does not replace itself again.
    private const string Marker = "NBH_RUN_GC_SETTINGS";

    // The marker's value when nbh set it: the names it added follow, comma-separated.
    private const string AddedPrefix = "nbh-added:";

    private const string DotnetPrefix = "DOTNET_";

    private const string LegacyPrefix = "COMPlus_";

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
        var marker = Environment.GetEnvironmentVariable(Marker);
        if (marker is not null)
        {
            ForgetAdded(marker);
            return;
        }

        if (args.Length == 0 || args[0] != "run" || args.Contains("--help") || args.Contains("-h") || OperatingSystem.IsWindows())
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

        // The runtime reads COMPlus_X too (DOTNET_X wins), so a user's setting under either name is kept.
        var added = new List<string>();
        foreach (var (name, value) in Settings)
        {
            if (!environment.ContainsKey(name) && !environment.ContainsKey(LegacyPrefix + name[DotnetPrefix.Length..]))
            {
                environment[name] = value;
                added.Add(name);
            }
        }

        environment[Marker] = AddedPrefix + string.Join(',', added);
        Exec(host, argv, environment.Select(e => e.Key + "=" + e.Value));
    }

    // In the replacing process, once the runtime has read its settings: the variables nbh added, and the marker, are
    // taken out of the environment so the processes a notebook starts see the user's environment. A marker the user
    // set (to keep the process from being replaced) is the user's, and stays.
    private static void ForgetAdded(string marker)
    {
        if (!marker.StartsWith(AddedPrefix, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var name in marker[AddedPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Settings.Any(s => s.Name == name))
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        Environment.SetEnvironmentVariable(Marker, null);
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
