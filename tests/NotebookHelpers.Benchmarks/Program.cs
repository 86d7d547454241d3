// Benchmarks are added by the issues that set speed targets; see docs/performance.md.
Console.Error.WriteLine("usage: dotnet run -c Release --project tests/NotebookHelpers.Benchmarks -- BENCHMARK [options]");
return 2;
