using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>query --data DIR [--nbh PATH] [--runs N] [--no-jq]</c>: the issue's benchmark. The same query —
/// <c>filter errorCode like /Denied|Unauthorized/ | stats count(*) as n by userIdentity.arn, errorCode</c> — run as a
/// one-shot process by <c>nbh query</c>, by DuckDB (<see cref="DuckDbQuery"/>) and by <c>zcat | jq</c>, over the
/// <c>.json.gz</c> objects under DIR; wall time and peak resident memory of each (best of N runs), a check that the
/// three answers agree, and nbh's cost on every fourth object, every second object and all of them (linearity).
/// </summary>
internal static class QueryBenchmark
{
    private const string Query = "filter errorCode like /Denied|Unauthorized/ | stats count(*) as n by userIdentity.arn, errorCode";

    private const string JqProgram =
        "reduce (inputs | .Records[]? | select((.errorCode // \"\") | test(\"Denied|Unauthorized\"))) as $r ({}; " +
        ".[([($r.userIdentity.arn // \"\"), $r.errorCode] | join(\"\\t\"))] += 1) | to_entries[] | \"\\(.key)\\t\\(.value)\"";

    public static int Run(IReadOnlyList<string> args)
    {
        var data = Option(args, "--data") ?? throw new ArgumentException("--data DIR is required");
        var nbh = Option(args, "--nbh") ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "NotebookHelpers.Cli", "bin", "Release", "net10.0", "nbh");
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(data, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var self = Environment.ProcessPath!;
        var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? [typeof(QueryBenchmark).Assembly.Location] : Array.Empty<string>();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count:N0} .json.gz objects, {files.Sum(f => new FileInfo(f).Length) / 1e6:N1} MB compressed, under {data}"));
        var (nbhRun, nbhOut) = Best(runs, () => Measure(nbh, ["query", "--logs", data, "--format", "json", Query]));
        var statistics = JsonDocument.Parse(nbhOut).RootElement.GetProperty("statistics");
        var events = statistics.GetProperty("recordsScanned").GetDouble();
        var jsonBytes = statistics.GetProperty("bytesScanned").GetDouble();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events:N0} events, {jsonBytes / 1e6:N0} MB of JSON"));
        var ours = FromNbh(nbhOut);

        var (duckRun, duckOut) = Best(runs, () => Measure(self, [.. selfArgs, "duckdb", data]));
        var duck = FromLines(duckOut);

        (Sample Run, string Output)? jq = null;
        if (!args.Contains("--no-jq"))
        {
            var script = $"find '{data}' -name '*.json.gz' -print0 | sort -z | xargs -0 zcat | jq -nr '{JqProgram}'";
            jq = Best(1, () => Measure("/bin/bash", ["-c", script]));
        }

        Console.WriteLine();
        Console.WriteLine("| tool | wall (s) | CPU user+sys (s) | peak RSS (MB) | events/s (wall) | wall vs DuckDB | CPU vs DuckDB | jq wall / this wall |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row("nbh query (one-shot process)", nbhRun);
        Row("DuckDB read_json, explicit columns (one-shot process)", duckRun);
        if (jq is { } j)
        {
            Row("zcat \\| jq", j.Run);
        }

        Console.WriteLine();
        Console.WriteLine($"answers agree: nbh = DuckDB {Same(ours, duck)}" + (jq is { } jj ? $", nbh = jq {Same(ours, FromLines(jj.Output))}" : string.Empty));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"groups: {ours.Count}, events matched: {ours.Values.Sum():N0}"));

        Console.WriteLine();
        Console.WriteLine("linearity (nbh, one run each):");
        foreach (var fraction in new[] { 4, 2, 1 })
        {
            var subset = files.Where((_, i) => i % fraction == 0).ToList();   // every n-th object, so each subset has the same mix of days
            // All of it as the folder: twelve thousand small objects named one by one exceed the argument list limit.
            var list = fraction == 1 ? ["--logs", data] : subset.SelectMany(f => new[] { "--logs", f }).ToList();
            var (sample, output) = Measure(nbh, ["query", .. list, "--format", "json", Query]);
            var stats = JsonDocument.Parse(output).RootElement.GetProperty("statistics");
            var n = stats.GetProperty("recordsScanned").GetDouble();
            var gb = stats.GetProperty("bytesScanned").GetDouble() / 1e9;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  1/{fraction}: {subset.Count,5} objects {n,12:N0} events  wall {sample.Wall,7:N2} s  cpu {sample.Cpu,7:N2} s  {gb,6:N2} GB  {sample.Cpu / gb,5:N2} cpu-s per GB  {sample.Cpu / n * 1e6,6:N2} cpu-s per million events  peak {sample.PeakMb,6:N0} MB"));
        }

        return 0;

        void Row(string name, Sample s) => Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {s.Wall:N2} | {s.Cpu:N2} | {s.PeakMb:N0} | {events / s.Wall:N0} | {s.Wall / duckRun.Wall:N2}× | {s.Cpu / duckRun.Cpu:N2}× | {(jq is { } x ? $"{x.Run.Wall / s.Wall:N1}×" : "—")} |"));
    }

    private static (Sample Run, string Output) Best(int runs, Func<(Sample, string)> measure)
    {
        (Sample Run, string Output) best = measure();
        for (var i = 1; i < runs; i++)
        {
            var next = measure();
            if (next.Item1.Wall < best.Run.Wall)
            {
                best = next;
            }
        }

        return best;
    }

    // GNU time gives wall, user and system CPU (summed over the process tree) and the largest resident set.
    private static (Sample, string) Measure(string file, IReadOnlyList<string> arguments)
    {
        var timing = Path.GetTempFileName();
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%e %U %S %M", "-o", timing, file, .. arguments])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {stderr.Result}");
        }

        var parts = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
        File.Delete(timing);
        var n = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (new Sample(n[0], n[1] + n[2], n[3] / 1024), stdout.Result);
    }

    private static Dictionary<string, long> FromNbh(string json)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray())
        {
            var fields = row.EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("value").GetString()!);
            result[$"{fields.GetValueOrDefault("userIdentity.arn", "")}\t{fields["errorCode"]}"] = long.Parse(fields["n"], CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static Dictionary<string, long> FromLines(string text)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            result[$"{parts[0]}\t{parts[1]}"] = long.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static string Same(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value) ? "yes" : $"NO ({a.Count} vs {b.Count} groups, {a.Values.Sum()} vs {b.Values.Sum()} events)";

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        var i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    private readonly record struct Sample(double Wall, double Cpu, double PeakMb);
}
