using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// <c>fuzz-scanner [--seconds N] [--seed S] [--exhaustive-length L] [--boundary-length M]</c>: differential fuzzing
/// of <see cref="JsonScanner"/> (with its block validator) against the byte-by-byte reference scanner it replaced.
/// First every short string over a small alphabet at every offset modulo 64 (lengths up to L at all 64 offsets,
/// length M only where it straddles the first block boundary), then random grammar-aware, damaged inputs until N
/// seconds have passed. The first few disagreements are minimised and printed as C# literals; exit code 1 when there was any.
/// Run it under each hardware configuration the validator has a path for: default (AVX2 and PCLMULQDQ),
/// <c>DOTNET_EnableAVX2=0 DOTNET_EnableAES=0</c> (128-bit vectors, shift prefix-XOR), <c>DOTNET_EnableHWIntrinsic=0</c>.
/// </summary>
internal static class ScannerFuzzer
{
    private const int MaxReported = 5;

    public static int Run(IReadOnlyList<string> args)
    {
        var seconds = 60.0;
        var seed = Environment.TickCount;
        var exhaustiveLength = 4;
        var boundaryLength = 5;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds":
                    seconds = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--exhaustive-length":
                    exhaustiveLength = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--boundary-length":
                    boundaryLength = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }

            i++;
        }

        Console.Error.WriteLine(
            $"fuzz-scanner: Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}, " +
            $"PCLMULQDQ {Pclmulqdq.IsSupported}, block validator {(JsonBlockClassifier.IsSupported ? "on" : "off (scalar scanner only)")}; seed {seed}");
        var watch = Stopwatch.StartNew();
        var disagreements = new List<string>();
        long disagreementCount = 0;
        void Report(byte[] json, int pos)
        {
            if (++disagreementCount > MaxReported)
            {
                return;
            }

            var (small, smallPos) = DisagreementMinimizer.Minimize(json, pos);
            var text = ScannerComparison.Describe(small, smallPos, ScannerComparison.Run(small, smallPos));
            disagreements.Add(text);
            Console.Error.WriteLine("DISAGREEMENT " + text);
        }

        // Exhaustive short inputs.
        long exhaustive = 0;
        var allOffsets = Enumerable.Range(8, JsonBlockClassifier.BlockSize).ToList();
        for (var length = 1; length <= exhaustiveLength; length++)
        {
            exhaustive += ExhaustiveShortInputs.Run(length, allOffsets, Report);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  exhaustive length {length} at 64 offsets: {exhaustive:N0} inputs so far, {watch.Elapsed.TotalSeconds:N0} s"));
        }

        for (var length = exhaustiveLength + 1; length <= boundaryLength; length++)
        {
            var straddling = Enumerable.Range(JsonBlockClassifier.BlockSize - length, length + 1).ToList();
            exhaustive += ExhaustiveShortInputs.Run(length, straddling, Report);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  exhaustive length {length} across the block boundary: {exhaustive:N0} inputs so far, {watch.Elapsed.TotalSeconds:N0} s"));
        }

        // Random grammar-aware inputs for the rest of the time.
        var generator = new FuzzJsonGenerator(new Random(seed));
        var tally = new OutcomeTally();
        long random = 0;
        var nextProgress = TimeSpan.FromSeconds(30);
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var batch = 0; batch < 1000; batch++)
            {
                var (json, pos) = generator.Next();
                var comparison = ScannerComparison.Run(json, pos);
                tally.Count(comparison.Expected, json);
                if (comparison.Disagrees)
                {
                    Report(json, pos);
                }
            }

            random += 1000;
            if (watch.Elapsed > nextProgress)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  random: {random:N0} inputs, {watch.Elapsed.TotalSeconds:N0} s"));
                nextProgress += TimeSpan.FromSeconds(30);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz-scanner: {exhaustive + random:N0} inputs in {watch.Elapsed.TotalSeconds:N0} s ({exhaustive:N0} exhaustive, {random:N0} random, seed {seed}); " +
            $"{tally}; disagreements: {disagreementCount:N0}"));
        foreach (var disagreement in disagreements)
        {
            Console.WriteLine(disagreement);
        }

        return disagreementCount == 0 ? 0 : 1;
    }
}
