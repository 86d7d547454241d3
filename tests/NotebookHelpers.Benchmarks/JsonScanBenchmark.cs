using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NotebookHelpers.Events;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>scan PATH...</c>: validation alone, then record splitting plus eventID/eventTime extraction over decompressed
/// CloudTrail <c>{"Records":[...]}</c> documents held in memory, single thread: our scanner, System.Text.Json's
/// Utf8JsonReader doing the same job, and the full per-file decoder (validation, fingerprints, LogRecords).
/// </summary>
internal static class JsonScanBenchmark
{
    public static int Run(IReadOnlyList<string> paths)
    {
        var documents = Load(paths);
        var bytes = documents.Sum(d => (long)d.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count:N0} documents, {bytes / 1e6:N1} MB of JSON"));
        Measure("scanner: validate each document (SkipValue)", bytes, () => documents.Sum(Validate));
        Measure("scanner: split + eventID/eventTime", bytes, () => documents.Sum(ScanWithScanner));
        Measure("Utf8JsonReader: split + eventID/eventTime", bytes, () => documents.Sum(ScanWithUtf8JsonReader));
        Measure("decoder: + validation, fingerprints, LogRecords", bytes, () => documents.Sum(Decode));
        return 0;
    }

    private static List<byte[]> Load(IReadOnlyList<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".json.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var documents = new List<byte[]>();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            using var content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            using var memory = new MemoryStream();
            content.CopyTo(memory);
            documents.Add(memory.ToArray());
        }

        // Four passes over the set per measurement, so CPU time (10 ms ticks) is measured to a few per cent.
        return [.. documents, .. documents, .. documents, .. documents];
    }

    private static void Measure(string name, long bytes, Func<long> run)
    {
        var records = run();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < 9; round++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var again = run();
            watch.Stop();
            process.Refresh();
            if (again != records)
            {
                throw new InvalidOperationException($"{name}: {again} records, first run had {records}");
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        // CPU time is the honest figure on a shared, busy machine: wall time includes waiting for a core.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-50} {records,8:N0} records  wall {best * 1000,7:N1} ms {bytes / best / 1e9,5:N2} GB/s  cpu {bestCpu * 1000,7:N1} ms {bytes / Math.Max(bestCpu, 1e-6) / 1e9,5:N2} GB/s"));
    }

    private static long Validate(byte[] document) =>
        JsonScanner.SkipValue(document, 0, out _, out _, out _, out _) == JsonScanStatus.Ok ? 1 : 0;

    private static long ScanWithScanner(byte[] document)
    {
        long count = 0;
        long checksum = 0;
        var top = new JsonObjectReader(document);
        while (top.MoveNextKey())
        {
            if (!top.KeyEquals("Records"u8) || top.ValueKind != JsonTokenKind.Array)
            {
                top.SkipValue();
                continue;
            }

            var span = document.AsSpan();
            var i = JsonScanner.SkipWhitespace(span, top.ValueStart + 1);
            while (i < span.Length && span[i] == '{')
            {
                var record = new JsonObjectReader(span, i);
                while (record.MoveNext())
                {
                    if (record.KeyEquals("eventTime"u8) && CloudTrailTimestamp.TryParse(JsonString.Body(record.Value), out var time))
                    {
                        checksum += time.Ticks;
                    }
                    else if (record.KeyEquals("eventID"u8))
                    {
                        checksum += record.Value.Length;
                    }
                }

                count++;
                i = JsonScanner.SkipWhitespace(span, record.End);
                if (i < span.Length && span[i] == ',')
                {
                    i = JsonScanner.SkipWhitespace(span, i + 1);
                }
            }

            top.ValueConsumed(JsonScanner.SkipWhitespace(span, i) + 1);
        }

        return checksum == 42 ? -1 : count;
    }

    private static long ScanWithUtf8JsonReader(byte[] document)
    {
        long count = 0;
        long checksum = 0;
        var reader = new Utf8JsonReader(document);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("Records"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("eventTime"u8))
                    {
                        reader.Read();
                        if (CloudTrailTimestamp.TryParse(reader.ValueSpan, out var time))
                        {
                            checksum += time.Ticks;
                        }
                    }
                    else if (reader.ValueTextEquals("eventID"u8))
                    {
                        reader.Read();
                        checksum += reader.ValueSpan.Length;
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                count++;
            }
        }

        return checksum == 42 ? -1 : count;
    }

    private static long Decode(byte[] document)
    {
        long count = 0;
        var decoder = new JsonEvidenceDecoder(new MemoryStream(document, writable: false), new EvidenceLocation("bench"), new EvidenceReaderOptions(), chunk => count += chunk.Records.Count);
        decoder.Start();
        decoder.Run();
        return count;
    }
}
