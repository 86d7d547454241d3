using System.Diagnostics;

namespace NotebookHelpers.Tests.Support;

/// <summary>Runs the <c>dotnet</c> muxer as a child process (publish, a published app, a file-based program).</summary>
public static class DotnetCommand
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        /// <summary>Both streams, for assertion messages.</summary>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    /// <summary>The muxer the test host runs under (the SDK sets <c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on PATH.</summary>
    public static string Muxer => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The build configuration of this test assembly (<c>bin/CONFIGURATION/net10.0</c>).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";

    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="workingDirectory"/> and waits for it (at most 10 minutes).</summary>
    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Muxer)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
