using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using NotebookHelpers.Evidence;
using NotebookHelpers.Insights;
using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>reader-stages DIR [QUERY]</c>: where the CPU of a query over CloudTrail objects goes, stage by stage, each stage
/// adding one step to the previous one on a single thread (read the compressed files, inflate, validate with the
/// scanner, hash every byte, the whole per-file decoder), then the parallel reader and the whole query in-process.
/// Files come from the page cache (a first pass warms it); CPU time is the process's, so run it on a quiet machine.
/// </summary>
internal static class ReaderStagesBenchmark
{
    private const string DefaultQuery = "filter errorCode like /Denied|Unauthorized/ | stats count(*) as n by userIdentity.arn, errorCode";

    public static int Run(IReadOnlyList<string> args)
    {
        var data = args[0];
        var query = args.Count > 1 ? args[1] : DefaultQuery;
        var files = Directory.EnumerateFiles(data, "*.json.gz", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Digest", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var buffer = new byte[64 << 20];
        long json = 0;
        foreach (var file in files)
        {
            json += Inflate(file, buffer);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count:N0} objects, {json / 1e6:N1} MB of JSON"));
        Stage("read compressed bytes", json, () => files.Sum(f => (long)File.ReadAllBytes(f).Length));
        Stage("+ inflate (GZipStream, reused buffer)", json, () => files.Sum(f => Inflate(f, buffer)));
        Stage("+ validate (JsonScanner.SkipValue)", json, () => files.Sum(f => Validate(f, buffer)));
        Stage("+ XxHash128 of every byte", json, () => files.Sum(f => Hash(f, buffer)));
        Stage("+ Utf8 IndexOf(\"errorCode\\\"\")", json, () => files.Sum(f => Find(f, buffer)));
        Stage("per-file decoder (EvidenceFileDecoder), 1 thread", json, () => files.Sum(Decode));
        Stage("EvidenceReader.ReadBatches, default threads", json, () =>
            new EvidenceReader(new EvidenceReaderOptions { DedupCapacity = EvidenceRecordSource.DefaultDedupCapacity })
                .ReadBatches([data]).Sum(b => (long)b.Count));
        Stage("whole query in-process", json, () =>
            OfflineQueryRunner.FromPaths([data]).RunAsync(query, TimeRange.All).GetAwaiter().GetResult().Statistics.RecordsScanned is var n ? (long)n : 0L);
        return 0;
    }

    private static void Stage(string name, long bytes, Func<long> run)
    {
        var process = Process.GetCurrentProcess();
        run();
        var best = double.MaxValue;
        var bestWall = double.MaxValue;
        long result = 0;
        for (var round = 0; round < 3; round++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = run();
            watch.Stop();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
            bestWall = Math.Min(bestWall, watch.Elapsed.TotalSeconds);
        }

        var (g0, g1, g2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        run();
        var gc = string.Create(CultureInfo.InvariantCulture,
            $"GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2} pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:N2} s alloc {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:N0} MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} cpu {best,6:N2} s ({best / (bytes / 1e9),5:N2} s/GB)  wall {bestWall,6:N2} s  result {result:N0}  {gc}"));
    }

    private static int Inflate(string file, byte[] buffer)
    {
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }

    private static long Validate(string file, byte[] buffer)
    {
        var n = Inflate(file, buffer);
        return JsonScanner.SkipValue(buffer.AsSpan(0, n), 0, out _, out var end, out _, out _) == JsonScanStatus.Ok ? end : -1;
    }

    private static long Hash(string file, byte[] buffer)
    {
        var n = Validate(file, buffer);
        return (long)(XxHash128.HashToUInt128(buffer.AsSpan(0, (int)n)) & 1) + n;
    }

    private static long Find(string file, byte[] buffer)
    {
        var n = Hash(file, buffer);
        return buffer.AsSpan(0, (int)n).IndexOf("errorCode\""u8) & 1;
    }

    private static long Decode(string file)
    {
        long count = 0;
        EvidenceFileDecoder.Decode(new EvidenceFile(file, InDirectory: true, IsDigestByName: false), new EvidenceReaderOptions(), chunk => count += chunk.Records.Count);
        return count;
    }
}
