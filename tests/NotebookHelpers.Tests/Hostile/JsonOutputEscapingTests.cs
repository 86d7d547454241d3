using System.Text;
using System.Text.Json;
using NotebookHelpers.Display;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.Hostile;

/// <summary>
/// The JSON outputs of <c>nbh events</c>, <c>nbh investigate</c> and <c>nbh query</c> carry evidence values exactly
/// (a JSON parser reads back the same string) and put no character on a terminal that drives or reorders it: DEL,
/// the C1 controls and the bidirectional formatting characters, which JSON allows raw in a string, come out as
/// <c>\uXXXX</c> escapes (<see cref="JsonText"/>).
/// </summary>
public sealed class JsonOutputEscapingTests : IDisposable
{
    private const string Key = "AKIAHOSTILEKEY000001";

    // Every unsafe character JSON may hold raw, each in a value of its own, and one value with all of them, with an
    // escape sequence (C0, escaped in the evidence as JSON requires) and characters that must stay as they are.
    private static readonly string[] Values = [.. RawUnsafe().Select(c => $"ua-{(int)c:X4} x{c}y"), "ua-all caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u2014\u2026 \u001b[2J" + new string(RawUnsafe())];

    private readonly TempDirectory _dir = new();
    private readonly string _evidence;

    public JsonOutputEscapingTests()
    {
        var records = Values.Select((value, i) => RawRecord(i, value));
        _evidence = _dir.Write("evidence.json", "{\"Records\":[" + string.Join(",", records) + "]}");
        Assert.Contains('\u202E', File.ReadAllText(_evidence));
        Assert.Contains('\u009B', File.ReadAllText(_evidence));
    }

    [Fact]
    public async Task EventsJsonLinesEscapeUnsafeCharactersAndKeepEveryValue()
    {
        var (exit, stdout, _) = await Cli.Run("events", _evidence, "--format", "jsonl");

        Assert.Equal(0, exit);
        AssertTerminalSafe(stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Values.Order(StringComparer.Ordinal), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("userAgent").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueryJsonEscapesUnsafeCharactersAndKeepsEveryValue()
    {
        var (exit, stdout, _) = await Cli.Run("query", "--logs", _evidence, "--format", "json", "stats count(*) by userAgent");

        Assert.Equal(0, exit);
        AssertTerminalSafe(stdout);
        var values = JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(row => row.EnumerateArray()).Where(f => f.GetProperty("field").GetString() == "userAgent").Select(f => f.GetProperty("value").GetString());
        Assert.Equal(Values.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InvestigateJsonEscapesUnsafeCharactersAndKeepsEveryValue()
    {
        var (exit, stdout, stderr) = await Cli.Run("investigate", "--logs", _evidence, "--access-key-id", Key, "--format", "json");

        Assert.True(exit is 0 or 1, stderr);
        AssertTerminalSafe(stdout);
        var strings = new HashSet<string>(StringComparer.Ordinal);
        Strings(JsonDocument.Parse(stdout).RootElement, strings);
        Assert.All(Values, v => Assert.Contains(v, strings));
    }

    [Fact]
    public void EscapingIsTheIdentityOnSafeJsonAndRoundTripsEveryUnsafeCharacter()
    {
        var safe = "{\"a\":\"caf\u00e9 \u2014 \\u001b\",\t\"b\":[1,2]}\n"u8;
        Assert.Equal(-1, JsonText.IndexOfUnsafe(safe));
        Assert.Equal(Encoding.UTF8.GetString(safe), JsonText.ToEscapedString(safe));

        var value = new string(RawUnsafe());
        var escaped = JsonText.ToEscapedString(Encoding.UTF8.GetBytes("{\"v\":\"" + value + "\"}"));
        Assert.Equal("{\"v\":\"" + string.Concat(value.Select(c => $"\\u{(int)c:X4}")) + "\"}", escaped);
        Assert.Equal(value, JsonDocument.Parse(escaped).RootElement.GetProperty("v").GetString());
    }

    // Bytes that are not UTF-8 in a value (raw 0x9B is the 8-bit C1 CSI to a terminal in 8-bit mode) once went
    // through jsonl byte for byte: now they come out as \uFFFD, which is how the reader reads them.
    [Fact]
    public async Task EventsJsonLinesWriteBytesThatAreNotUtf8AsTheReplacementCharacter()
    {
        var record = Encoding.UTF8.GetString(HostileRecords.Record("2025-03-10T09:00:00Z", "userAgent", "placeholder", Key, "invalid-1"));
        var (before, after) = (record[..record.IndexOf("placeholder", StringComparison.Ordinal)], record[(record.IndexOf("placeholder", StringComparison.Ordinal) + 11)..]);
        byte[] value = [(byte)'A', 0x9B, .. "31mRED "u8, 0xC2, (byte)' ', 0xE2, 0x80, (byte)'x', 0x85, 0xFF];
        var path = _dir.WriteBytes("invalid.json", [.. "{\"Records\":["u8, .. Encoding.UTF8.GetBytes(before), .. value, .. Encoding.UTF8.GetBytes(after), .. "]}"u8]);
        using var stdout = new MemoryStream();
        using var output = new StreamWriter(stdout, new UTF8Encoding(false));
        using var error = new StringWriter();

        var exit = await NotebookHelpers.Cli.CommandLine.CliApplication.RunAsync(["events", path, "--format", "jsonl"], new NotebookHelpers.Cli.CommandLine.CliConsole(output, error));
        await output.FlushAsync();
        var bytes = stdout.ToArray();

        Assert.Equal("{\"v\":\"\\uFFFD\"}", JsonText.ToEscapedString([.. "{\"v\":\""u8, 0x9B, .. "\"}"u8]));
        Assert.Equal(0, exit);
        Assert.True(System.Text.Unicode.Utf8.IsValid(bytes), "the output is not valid UTF-8: " + Convert.ToHexString(bytes));
        Assert.Equal(-1, bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0x9F));
        Assert.Equal("A\uFFFD31mRED \uFFFD \uFFFDx\uFFFD\uFFFD", JsonDocument.Parse(bytes).RootElement.GetProperty("userAgent").GetString());
    }

    public void Dispose() => _dir.Dispose();

    // The unsafe characters other than C0: those JSON allows unescaped inside a string.
    private static char[] RawUnsafe() => [.. Enumerable.Range(0x7F, 0xFFFF - 0x7F).Select(i => (char)i).Where(UnsafeCharacters.IsUnsafe)];

    // A record whose userAgent holds the value with its DEL, C1 and bidi characters raw, as a hostile writer could.
    private static string RawRecord(int i, string value)
    {
        var placeholder = $"placeholder-{i}";
        var json = Encoding.UTF8.GetString(HostileRecords.Record($"2025-03-10T09:00:{i % 60:00}Z", "userAgent", placeholder, Key, $"escape-{i}"));
        var literal = string.Concat(value.Select(c => c < ' ' ? $"\\u{(int)c:X4}" : c is '"' or '\\' ? "\\" + c : c.ToString()));
        return json.Replace(placeholder, literal, StringComparison.Ordinal);
    }

    private static void AssertTerminalSafe(string text)
    {
        var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => UnsafeCharacters.IsUnsafeInText(x.c));
        Assert.True(bad == default, $"U+{(int)bad.c:X4} at {bad.i}");
    }

    private static void Strings(JsonElement element, HashSet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    into.Add(property.Name);
                    Strings(property.Value, into);
                }

                break;
        }
    }
}
