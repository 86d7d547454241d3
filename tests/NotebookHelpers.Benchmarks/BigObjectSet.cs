using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using NotebookHelpers.Evidence;
using NotebookHelpers.Json;

namespace NotebookHelpers.Benchmarks;

/// <summary>
/// <c>big-objects --out DIR [--events 500000] [--per-object 5000] [--seed 1] SOURCE...</c>: the big-object benchmark
/// set of issue 16 — a busy account's five-minute deliveries — built from real recordings (the SANS-504 and Invictus
/// sets under ../shared/datasets). Records are drawn at random, with replacement, from every record the sources
/// hold, each given a fresh eventID (so none is dropped as a duplicate), and written as gzip objects of
/// <c>--per-object</c> records, one <c>{"Records":[…]}</c> line each, named and laid out as CloudTrail delivers
/// them. Deterministic for a seed. Write it outside the repository: the sources must not be copied into it.
/// </summary>
internal static class BigObjectSet
{
    private const string Account = "111122223333";
    private const string Region = "us-east-1";

    public static int Run(IReadOnlyList<string> args)
    {
        string? output = null;
        var events = 500_000;
        var perObject = 5_000;
        var seed = 1;
        var sources = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--events" when i + 1 < args.Count:
                    events = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--per-object" when i + 1 < args.Count:
                    perObject = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Count:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    sources.Add(args[i]);
                    break;
            }
        }

        if (output is null || sources.Count == 0)
        {
            Console.Error.WriteLine("usage: big-objects --out DIR [--events N] [--per-object N] [--seed N] SOURCE...");
            return 2;
        }

        var pool = new List<byte[]>();
        var reader = new EvidenceReader();
        foreach (var batch in reader.ReadBatches(sources))
        {
            pool.AddRange(batch.Records.Select(r => r.Json.ToArray()));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pool.Count:N0} distinct real records from {reader.Report.FilesRead:N0} files"));
        var random = new Random(seed);
        var start = new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc);
        long jsonBytes = 0, gzipBytes = 0;
        var objects = 0;
        var body = new ArrayBufferWriter<byte>(16 << 20);
        for (var written = 0; written < events; written += perObject, objects++)
        {
            var count = Math.Min(perObject, events - written);
            body.ResetWrittenCount();
            body.Write("{\"Records\":["u8);
            for (var n = 0; n < count; n++)
            {
                if (n > 0)
                {
                    body.Write(","u8);
                }

                WithFreshEventId(pool[random.Next(pool.Count)], random, body);
            }

            body.Write("]}\n"u8);
            var time = start.AddMinutes(5 * objects);
            var folder = Path.Combine(output, "AWSLogs", Account, "CloudTrail", Region, time.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var name = string.Create(CultureInfo.InvariantCulture, $"{Account}_CloudTrail_{Region}_{time:yyyyMMdd'T'HHmm'Z'}_{random.NextInt64():x16}.json.gz");
            var path = Path.Combine(folder, name);
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(body.WrittenSpan);
            }

            jsonBytes += body.WrittenCount;
            gzipBytes += new FileInfo(path).Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{events:N0} records in {objects:N0} objects of up to {perObject:N0} ({jsonBytes / 1e6:N0} MB of JSON, {gzipBytes / 1e6:N0} MB gzip) under {output}"));
        return 0;
    }

    // The record with its eventID replaced by a new random UUID (or one added when it had none).
    private static void WithFreshEventId(byte[] record, Random random, ArrayBufferWriter<byte> output)
    {
        Span<byte> guid = stackalloc byte[16];
        random.NextBytes(guid);
        var id = Encoding.ASCII.GetBytes(new Guid(guid).ToString());
        var members = new JsonObjectReader(record);
        while (members.MoveNext())
        {
            if (members.KeyEquals("eventID"u8) && members.ValueKind == JsonTokenKind.String)
            {
                output.Write(record.AsSpan(0, members.ValueStart + 1));
                output.Write(id);
                output.Write(record.AsSpan(members.ValueEnd - 1));
                return;
            }
        }

        output.Write(record.AsSpan(0, record.Length - 1));
        output.Write(",\"eventID\":\""u8);
        output.Write(id);
        output.Write("\"}"u8);
    }
}
