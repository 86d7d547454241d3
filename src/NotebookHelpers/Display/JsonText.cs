using System.Buffers;
using System.Text;

namespace NotebookHelpers.Display;

/// <summary>
/// JSON text on its way to a terminal or a pipe (<c>nbh events --format jsonl</c>, <c>nbh investigate --format json</c>,
/// <c>nbh query --format json</c>): the one sanitiser for that medium. JSON is data for other programs, so values
/// must round-trip exactly and nothing is replaced; instead every unsafe character (<see cref="UnsafeCharacters"/>)
/// is written as its <c>\uXXXX</c> escape, which a JSON parser reads back as the same character and a terminal shows
/// as six plain characters. JSON's grammar already makes writers escape C0 controls inside strings; DEL, the C1
/// controls and the bidirectional formatting characters may stand raw in a string, and are what this escapes.
/// </summary>
public static class JsonText
{
    // The first UTF-8 byte of every unsafe character a JSON string may hold raw (all but C0, which JSON's grammar
    // allows only as whitespace between tokens): derived from UnsafeCharacters so the list is said once.
    private static readonly SearchValues<byte> UnsafeLeadBytes = SearchValues.Create(LeadBytes());

    /// <summary>
    /// The offset of the first unsafe character (other than C0, see <see cref="JsonText"/>) in the UTF-8 JSON, or -1.
    /// </summary>
    public static int IndexOfUnsafe(ReadOnlySpan<byte> json)
    {
        // Bytes that are not valid UTF-8 (a raw 0x9B is the 8-bit C1 CSI to some terminals) are unsafe too: the
        // search for unsafe characters runs up to the first of them, which is the answer if none comes before.
        var invalid = Json.Utf8Repair.FirstInvalidByte(json);
        if (invalid >= 0)
        {
            json = json[..invalid];
        }

        var start = 0;
        while (start < json.Length)
        {
            var i = json[start..].IndexOfAny(UnsafeLeadBytes);
            if (i < 0)
            {
                return invalid;
            }

            i += start;
            if (UnsafeAt(json[i..], out _, out _))
            {
                return i;
            }

            start = i + 1;
        }

        return invalid;
    }

    /// <summary>
    /// Writes the UTF-8 JSON to <paramref name="destination"/> with every unsafe character that stands raw in it
    /// written as <c>\uXXXX</c>. Such characters can only be inside strings of valid JSON, where the escape means the
    /// same character, so the result parses to the same values.
    /// </summary>
    public static void WriteEscaped(ReadOnlySpan<byte> json, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        while (true)
        {
            var i = IndexOfUnsafe(json);
            if (i < 0)
            {
                destination.Write(json);
                return;
            }

            destination.Write(json[..i]);
            UnsafeAt(json[i..], out var rune, out var length);
            var escape = destination.GetSpan(6);
            "\\u"u8.CopyTo(escape);
            ((ushort)rune.Value).TryFormat(escape[2..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
            destination.Advance(6);
            json = json[(i + length)..];
        }
    }

    /// <summary>The UTF-8 JSON with every unsafe character escaped (see <see cref="WriteEscaped"/>).</summary>
    public static ReadOnlySpan<byte> Escape(ReadOnlySpan<byte> json, ArrayBufferWriter<byte> scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (IndexOfUnsafe(json) < 0)
        {
            return json;
        }

        scratch.ResetWrittenCount();
        WriteEscaped(json, scratch);
        return scratch.WrittenSpan;
    }

    /// <summary>The UTF-8 JSON, escaped (see <see cref="WriteEscaped"/>), as a string.</summary>
    public static string ToEscapedString(ReadOnlySpan<byte> json) => Encoding.UTF8.GetString(Escape(json, new ArrayBufferWriter<byte>()));

    // An unsafe character, or bytes that are not valid UTF-8 (then rune is U+FFFD, as readers decode them, and
    // length the bytes it stands for).
    private static bool UnsafeAt(ReadOnlySpan<byte> utf8, out Rune rune, out int length) =>
        Rune.DecodeFromUtf8(utf8, out rune, out length) != OperationStatus.Done
        || (rune.IsBmp && rune.Value >= ' ' && UnsafeCharacters.IsUnsafe((char)rune.Value));


    private static byte[] LeadBytes()
    {
        var leads = new HashSet<byte>();
        Span<byte> utf8 = stackalloc byte[3];
        for (var c = ' '; c < char.MaxValue; c++)
        {
            if (UnsafeCharacters.IsUnsafe(c))
            {
                new Rune(c).EncodeToUtf8(utf8);
                leads.Add(utf8[0]);
            }
        }

        return [.. leads];
    }
}
