using System.IO.Compression;
using System.Text;
using NotebookHelpers.Tests.Investigation;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// Writes an evidence folder of hostile and broken input: the sample scenario (so there is a key to investigate)
/// beside records whose every string field carries terminal escapes, bidirectional overrides, markup, spreadsheet
/// formulas, a 100 KB string or a Latin-1 byte; a record with a repeated key; implausible and stray event times;
/// a gzip cut short; a file with two byte order marks and one in UTF-32; malformed and truncated JSON; and a
/// symlink loop. Every input of issue 11 and its kin, in one place, for every offline command to be run against.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>The string fields each hostile value is put in.</summary>
    public static readonly string[] Fields = ["userAgent", "userName", "errorMessage", "sourceIPAddress", "eventName", "errorCode", "awsRegion"];

    /// <summary>Hostile values: terminal control, bidi, markup, formulas, a huge string.</summary>
    public static readonly string[] Values =
    [
        "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b]8;;http://evil.example/\u0007link",
        "admin\u202Etxt.exe",
        "</script><script>alert(1)</script><img src=x onerror=alert(2)>",
        "=cmd|' /C calc'!A0",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "@SUM(1)",
        "-2+3+cmd|' /C calc'!A0",
        "caf\u00e9 " + new string('x', 100_000),
    ];

    /// <summary>Writes the corpus into a new folder <c>evidence</c> under <paramref name="root"/> and returns its path.</summary>
    public static string Write(string root)
    {
        var evidence = Directory.CreateDirectory(Path.Combine(root, "evidence")).FullName;
        LeakedKeyScenario.Build().WriteTrailFile(Path.Combine(evidence, "111122223333_CloudTrail_us-east-1_20250310T1000Z_scenario.json"));

        var hostile = new List<byte[]>();
        var n = 0;
        foreach (var field in Fields)
        {
            foreach (var value in Values)
            {
                hostile.Add(HostileRecords.Record(Time(n), field, value, LeakedKeyScenario.LeakedKey, $"hostile-{n++}"));
            }

            // The same field with one Latin-1 byte in it.
            hostile.Add(HostileRecords.WithLatin1Byte(HostileRecords.Record(Time(n), field, "caf\u00e9", LeakedKeyScenario.LeakedKey, $"hostile-{n++}"), out _));
        }

        File.WriteAllBytes(Path.Combine(evidence, "hostile-fields.json"), Document(hostile));

        var record = Encoding.UTF8.GetString(HostileRecords.Record(Time(n), "eventName", "GetCallerIdentity", LeakedKeyScenario.LeakedKey, "repeated-key"));
        File.WriteAllText(Path.Combine(evidence, "repeated-key.json"), "{\"Records\":[" + record[..^1] + ",\"eventName\":\"DeleteTrail\"}]}");

        File.WriteAllBytes(Path.Combine(evidence, "odd-times.json"), Document(
            new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2019-06-01T12:00:00Z" }
                .Select((t, i) => HostileRecords.Record(t, "awsRegion", "sa-east-1", LeakedKeyScenario.LeakedKey, $"odd-time-{i}"))));

        var gzip = Gzip(Document(Enumerable.Range(0, 50).Select(i => HostileRecords.Record(Time(200 + i), "userAgent", $"gz-{i}-{Guid.NewGuid()}", eventId: $"gz-{i}"))));
        File.WriteAllBytes(Path.Combine(evidence, "111122223333_CloudTrail_us-east-1_20250310T1100Z_cut.json.gz"), gzip[..(gzip.Length / 2)]);

        byte[] bom = [0xEF, 0xBB, 0xBF];
        File.WriteAllBytes(Path.Combine(evidence, "double-bom.json"), [.. bom, .. bom, .. Document([HostileRecords.Record(Time(300), "userAgent", "bom", eventId: "bom")])]);
        File.WriteAllBytes(Path.Combine(evidence, "utf32.json"), [0xFF, 0xFE, 0, 0, .. new UTF32Encoding(false, false).GetBytes(Encoding.UTF8.GetString(Document([HostileRecords.Record(Time(301), "userAgent", "utf32", eventId: "utf32")])))]);

        File.WriteAllText(Path.Combine(evidence, "damaged.jsonl"),
            Encoding.UTF8.GetString(HostileRecords.Record(Time(302), "userAgent", "line-1", eventId: "line-1")) + "\n{\"eventTime\": oops}\n" +
            Encoding.UTF8.GetString(HostileRecords.Record(Time(303), "userAgent", "line-3", eventId: "line-3")) + "\n{\"eventTime\":\"2025-03-10T09:00:00Z\",\"eventName\":\"cut");

        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(evidence, "loop"), ".");
        }

        return evidence;
    }

    // Times inside the scenario's incident day, one second apart.
    private static string Time(int i) => new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero).AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Document(IEnumerable<byte[]> records)
    {
        using var stream = new MemoryStream();
        stream.Write("{\"Records\":["u8);
        var first = true;
        foreach (var record in records)
        {
            if (!first)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(record);
            first = false;
        }

        stream.Write("]}"u8);
        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
