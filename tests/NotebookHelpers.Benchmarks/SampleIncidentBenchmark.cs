using System.Diagnostics;
using System.Globalization;
using NotebookHelpers.SampleIncident;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>sample-incident [EVENTS] [--out DIR]</c>: generates the scaled sample (default 1,000,000 events) and prints
/// wall time, CPU time, events per second and peak working set. Run it at two sizes to see that memory stays flat.
/// </summary>
internal static class SampleIncidentBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var events = 1_000_000L;
        var output = Path.Combine("bench-data", "sample-incident");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                output = args[++i];
            }
            else if (!long.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out events) || events <= 0)
            {
                Console.Error.WriteLine($"sample-incident: '{args[i]}' is not a positive event count");
                return 2;
            }
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var summary = SampleIncidentGenerator.Generate(SampleIncidentOptions.ForEventCount(output, events));
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        // On a shared machine wall time measures the neighbours; the busiest thread's CPU time is what the wall
        // time would be on two free cores (generation and compression run on separate threads).
        var busiest = process.Threads.Cast<ProcessThread>().Max(t => t.TotalProcessorTime);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sample-incident: {summary.Events:N0} events (scale {summary.Scale}, {summary.Days} days) in {wall.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU (busiest thread {busiest.TotalSeconds:F1} s), " +
            $"{summary.Events / wall.Elapsed.TotalSeconds:N0} events/s, peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MB, " +
            $"{summary.TrailObjects:N0} trail objects ({summary.TrailBytes / (1024.0 * 1024):F0} MB), {summary.CloudWatchObjects} CloudWatch Logs objects"));
        return 0;
    }
}
