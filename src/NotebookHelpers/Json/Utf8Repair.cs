using System.Buffers;
using System.Text;

namespace NotebookHelpers.Json;

/// <summary>
/// Invalid UTF-8 in evidence (a Latin-1 byte in a user agent, a cut multi-byte sequence): where it is, and the same
/// bytes with each invalid sequence replaced by U+FFFD (EF BF BD), as docs/evidence-formats.md promises. The JSON
/// scanner does not check UTF-8 inside strings, and System.Text.Json refuses to decode such a string, so records are
/// repaired once, where the typed event is made, instead of in every reader of a field. An invalid byte is never
/// ASCII, so replacing it never changes the JSON's structure.
/// </summary>
public static class Utf8Repair
{
    /// <summary>The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all are valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>
    /// A copy of <paramref name="utf8"/> with every invalid sequence replaced by U+FFFD (one per maximal invalid
    /// subsequence, the Unicode standard's practice that .NET's decoder follows); valid input is copied unchanged.
    /// </summary>
    public static byte[] Repair(ReadOnlySpan<byte> utf8) =>
        FirstInvalidByte(utf8) < 0 ? utf8.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8));
}
