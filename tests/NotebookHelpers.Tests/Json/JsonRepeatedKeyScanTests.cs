using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NotebookHelpers.Json;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Json;

/// <summary>
/// The vectorised duplicate-key check the decoders use (<see cref="JsonDuplicateKeys.FindInValidated"/>, fast path
/// <see cref="JsonRepeatedKeyScan"/>) against the exact walk (<see cref="JsonDuplicateKeys.Find"/>): the same key,
/// offset and first offset, or null, on every real record and on copies with repeats planted at every depth, moved
/// across 64-byte block boundaries; and the fast path itself decides the records without escaped keys.
/// </summary>
public class JsonRepeatedKeyScanTests
{
    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\" : 1 ,\n \"a\"\t:2}")]
    [InlineData("{\"a\":{\"b\":1},\"b\":{\"a\":2},\"c\":[{\"a\":1},{\"a\":2}]}")]
    [InlineData("{\"r\":[1,{\"x\":1,\"x\":1}]}")]
    [InlineData("{\"a\":{\"b\":1,\"c\":{\"d\":1,\"d\":2}},\"a\":3}")]
    [InlineData("{\"x\":\"{\\\"a\\\":1,\\\"a\\\":2}\",\"y\":\"a:b\"}")]
    [InlineData("{\"k\":\"\\\\\",\"k2\":\"\\\\\\\"\",\"k\":0}")]
    [InlineData("[{\"a\":1},{\"a\":1}]")]
    [InlineData("\"{\\\"a\\\":1,\\\"a\\\":2}\"")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("12")]
    public void AgreesWithTheExactWalk(string json)
    {
        AssertAgrees(Encoding.UTF8.GetBytes(json), "inline");
    }

    [Fact]
    public void DifferentKeysWithTheSameHashAreNotReported()
    {
        // The hash reads a long key's first and last eight bytes only: these differ in the middle, collide, and must
        // be told apart by their bytes. The fast path decides it (no fallback).
        var json = "{\"aaaaaaaaXaaaaaaaa\":1,\"aaaaaaaaYaaaaaaaa\":{\"bbbbbbbbXbbbbbbbbb\":1,\"bbbbbbbbYbbbbbbbbb\":2}}"u8;

        Assert.Equal(JsonRepeatedKeyScan.Outcome.None, JsonRepeatedKeyScan.Find(json, out _, out _));
        Assert.Null(JsonDuplicateKeys.FindInValidated(json));
        Assert.Null(JsonDuplicateKeys.Find(json));
    }

    [Fact]
    public void EscapedKeysAreComparedUnescaped()
    {
        var json = "{\"ab\":1, \"\\u0061b\":2}"u8;

        Assert.Equal(JsonRepeatedKeyScan.Outcome.Undecided, JsonRepeatedKeyScan.Find(json, out _, out _));
        Assert.Equal(("ab", 9, 1), JsonDuplicateKeys.FindInValidated(json));
        Assert.Equal(("a\"b", 10, 1), JsonDuplicateKeys.FindInValidated("{\"a\\\"b\":1,\"a\\\"b\":2}"u8));
    }

    // Keys whose bytes differ but decode to the same text (invalid UTF-8 and a lone surrogate read as U+FFFD), the
    // second as key 31 to 34 or 64 to 66 of its object: across the exact walk's switch to a dictionary and the fast
    // path's limit. Both report the repeat, at the same offsets, and neither throws.
    [Theory]
    [InlineData(new byte[] { 0xFF }, new byte[] { 0xFE })]
    [InlineData(new byte[] { 0xFF }, new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    [InlineData(new byte[] { 0xFF }, new byte[] { 0xEF, 0xBF, 0xBD })]
    public void KeysOfTheSameDecodedTextAreRepeatsOnBothPaths(byte[] firstKey, byte[] secondKey)
    {
        foreach (var fillers in new[] { 0, 29, 30, 31, 32, 62, 63, 64 })
        {
            var filler = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, fillers).Select(i => $",\"f{i}\":1")));
            byte[] prefix = [.. "{\""u8, .. firstKey, .. "\":0"u8, .. filler, .. ",\""u8];
            byte[] json = [.. prefix, .. secondKey, .. "\":1}"u8];

            var exact = JsonDuplicateKeys.Find(json);
            Assert.Equal(("\uFFFD", prefix.Length - 1, 1), exact);
            AssertAgrees(json, $"{fillers} keys between");
        }
    }

    [Fact]
    public void AgreesAcrossBlockBoundariesDepthAndWidth()
    {
        string[] shapes =
        [
            "{\"eventName\":\"A\",\"x\":{\"longerKeyName\":1,\"y\":[{\"z\":\"}]:\"}],\"longerKeyName\":2},\"eventName\":\"B\"}",
            "{\"a\":\"\\\\\",\"b\":\"\\\"{\",\"c\":{\"d\":[1,2,{\"e\":null,\"e\":true}]}}",
            "{\"a\\\\\":1,\"a\\\\\":2}",
        ];
        foreach (var shape in shapes)
        {
            for (var pad = 0; pad < 130; pad++)
            {
                AssertAgrees(Encoding.UTF8.GetBytes(new string(' ', pad) + shape), $"{shape} after {pad} spaces");
                AssertAgrees(Encoding.UTF8.GetBytes("{\"p\":\"" + new string('p', pad) + "\"," + shape[1..]), $"{shape} behind a {pad}-byte value");
            }
        }

        // Nesting to the exact walk's limit and past it: a repeat inside a container it does not look into.
        for (var depth = 60; depth <= 68; depth++)
        {
            var deep = new string('[', depth) + "{\"a\":1,\"a\":2}" + new string(']', depth);
            AssertAgrees(Encoding.UTF8.GetBytes(deep), $"depth {depth}");
            var objects = string.Concat(Enumerable.Repeat("{\"o\":", depth)) + "{\"a\":1,\"a\":2}" + new string('}', depth);
            AssertAgrees(Encoding.UTF8.GetBytes(objects), $"object depth {depth}");
        }

        // More keys than the scratch table starts with, open at once.
        var wide = "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"k{i}\":{{\"n{i}\":{i}}}")) + ",\"inner\":{" +
            string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"m{i}\":{i}")) + ",\"m277\":0}}";
        AssertAgrees(Encoding.UTF8.GetBytes(wide), "wide");
        Assert.Equal("m277", JsonDuplicateKeys.FindInValidated(Encoding.UTF8.GetBytes(wide))?.Key);
    }

    [Fact]
    public async Task AnObjectOfManyKeysCostsLinearTime()
    {
        // 1,000,000 keys in one object, with and without an escaped key: compared each with every earlier one this
        // would be 5e11 comparisons, minutes (a 64 MB record can hold millions); with the dictionary it is a moment.
        var keys = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => $"\"k{i}\":0"));
        var repeated = Encoding.UTF8.GetBytes("{\"r\":{" + keys + ",\"k999998\":1}}");
        var escaped = Encoding.UTF8.GetBytes("{\"r\":{\"\\u0078\":0," + keys + ",\"x\":1}}");
        var clean = Encoding.UTF8.GetBytes("{\"r\":{" + keys + "}}");
        var firstOffset = Encoding.UTF8.GetByteCount("{\"r\":{" + keys[..keys.IndexOf("\"k999998\"", StringComparison.Ordinal)]);

        var check = Task.Run(() =>
        {
            Assert.Equal(("k999998", repeated.Length - 13, firstOffset), JsonDuplicateKeys.FindInValidated(repeated));
            Assert.Equal(("k999998", repeated.Length - 13, firstOffset), JsonDuplicateKeys.Find(repeated));
            Assert.Equal(("x", escaped.Length - 7, 6), JsonDuplicateKeys.FindInValidated(escaped));
            Assert.Null(JsonDuplicateKeys.FindInValidated(clean));
        });

        await check.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [SharedDataFact]
    public void AgreesOnEveryRealRecordAndOnRepeatsPlantedInThem()
    {
        var records = RealRecords();
        var random = new Random(20261207);
        var decided = 0;
        var found = 0;
        foreach (var record in records)
        {
            decided += AssertAgrees(record, "a real record") ? 1 : 0;
        }

        for (var round = 0; round < 20_000; round++)
        {
            var planted = PlantRepeat(records[random.Next(records.Count)], random);
            var moved = Encoding.UTF8.GetBytes(new string(' ', random.Next(64))).Concat(planted).ToArray();
            decided += AssertAgrees(moved, $"planted round {round}") ? 1 : 0;
            found += JsonDuplicateKeys.Find(moved) is null ? 0 : 1;
        }

        Assert.True(records.Count > 20_000, $"only {records.Count} real records");

        // The fast path answered by itself for nearly all (keys with escapes are rare) and the planted repeats
        // were found, so the comparison did not run the exact walk twice or compare nulls only.
        Assert.True(decided > (records.Count + 20_000) * 9 / 10, $"the fast path decided only {decided}");
        Assert.True(found > 15_000, $"only {found} planted repeats found");
    }

    // True when the fast path decided by itself.
    private static bool AssertAgrees(byte[] json, string what)
    {
        var exact = JsonDuplicateKeys.Find(json);
        var fast = JsonDuplicateKeys.FindInValidated(json);
        Assert.True(exact == fast, $"{what}: exact {exact}, fast {fast}: {Encoding.UTF8.GetString(json)}");
        return JsonRepeatedKeyScan.Find(json, out _, out _) != JsonRepeatedKeyScan.Outcome.Undecided;
    }

    // A copy of the record with one member repeated in the object it belongs to (any depth): the member's bytes
    // inserted again before the object's closing brace, or right after the member itself.
    private static byte[] PlantRepeat(byte[] record, Random random)
    {
        var members = new List<(int Start, int End, int ObjectEnd)>();
        CollectMembers(record, 0, members, 0);
        if (members.Count == 0)
        {
            return record;
        }

        var (start, end, objectEnd) = members[random.Next(members.Count)];
        var member = record[start..end];
        var at = random.Next(2) == 0 ? objectEnd : end;
        return [.. record[..at], .. ","u8, .. member, .. record[at..]];
    }

    private static void CollectMembers(byte[] json, int start, List<(int, int, int)> into, int depth)
    {
        if (depth > 20)
        {
            return;
        }

        if (json[start] == '[')
        {
            var elements = new JsonArrayReader(json, start);
            while (elements.MoveNext())
            {
                if (elements.ValueKind is JsonTokenKind.Object or JsonTokenKind.Array)
                {
                    CollectMembers(json, elements.ValueStart, into, depth + 1);
                }
            }

            return;
        }

        var reader = new JsonObjectReader(json, start);
        var found = new List<(int, int)>();
        while (reader.MoveNext())
        {
            if (!reader.KeyHasEscapes)
            {
                var keyStart = (int)Unsafe.ByteOffset(ref json[0], ref MemoryMarshal.GetReference(reader.RawKey)) - 1;
                found.Add((keyStart, reader.ValueEnd));
            }

            if (reader.ValueKind is JsonTokenKind.Object or JsonTokenKind.Array)
            {
                CollectMembers(json, reader.ValueStart, into, depth + 1);
            }
        }

        var objectEnd = reader.End - 1;
        into.AddRange(found.Select(m => (m.Item1, m.Item2, objectEnd)));
    }

    private static List<byte[]> RealRecords()
    {
        var records = new List<byte[]>();
        var files = Directory.EnumerateFiles(RepositoryPaths.SharedDataset("."), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json.gz", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var json = DatasetJson.Read(file);
            var start = json.AsSpan().IndexOf("\"Records\""u8);
            var open = start < 0 ? -1 : json.AsSpan(start).IndexOf((byte)'[');
            if (open < 0)
            {
                continue;
            }

            var elements = new JsonArrayReader(json, start + open);
            while (elements.MoveNext())
            {
                if (elements.ValueKind == JsonTokenKind.Object)
                {
                    records.Add(elements.Value.ToArray());
                }
            }
        }

        return records;
    }
}
