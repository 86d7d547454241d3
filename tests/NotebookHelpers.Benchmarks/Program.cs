// Benchmarks whose numbers docs/performance.md records. Each benchmark is one line in this table.
using NotebookHelpers.Benchmarks;

var benchmarks = new Dictionary<string, Func<IReadOnlyList<string>, int>>(StringComparer.Ordinal)
{
    ["scan"] = JsonScanBenchmark.Run,
    ["sample-incident"] = SampleIncidentBenchmark.Run,
    ["query"] = QueryBenchmark.Run,
    ["duckdb"] = DuckDbQuery.Run,
    ["reader-stages"] = ReaderStagesBenchmark.Run,
    ["fuzz-scanner"] = NotebookHelpers.Benchmarks.Fuzz.ScannerFuzzer.Run,
    ["big-objects"] = BigObjectSet.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/NotebookHelpers.Benchmarks -- BENCHMARK [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}

return benchmark(args.Skip(1).ToList());
