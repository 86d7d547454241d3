using System.Buffers;

namespace NotebookHelpers.Json;

/// <summary>
/// Removes insignificant whitespace from validated JSON, leaving strings untouched: a pretty-printed record
/// becomes the one-line form that JSON Lines output and content identity (dedup) use.
/// </summary>
public static class JsonCompactor
{
    private static readonly SearchValues<byte> Interesting = SearchValues.Create(" \t\r\n\""u8);
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);

    /// <summary>
    /// Writes the compact form of <paramref name="json"/> into <paramref name="destination"/> (at least as long as
    /// the input) and returns the bytes written.
    /// </summary>
    public static int Compact(ReadOnlySpan<byte> json, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < json.Length)
        {
            var hit = json[i..].IndexOfAny(Interesting);
            if (hit < 0)
            {
                json[i..].CopyTo(destination[written..]);
                return written + (json.Length - i);
            }

            json.Slice(i, hit).CopyTo(destination[written..]);
            written += hit;
            i += hit;
            if (json[i] != '"')
            {
                i++;
                continue;
            }

            // Copy the string through, honouring escaped quotes.
            var start = i;
            i++;
            while (i < json.Length)
            {
                var q = json[i..].IndexOfAny(QuoteOrBackslash);
                if (q < 0)
                {
                    i = json.Length;
                    break;
                }

                i += q;
                if (json[i] == '\\')
                {
                    i = Math.Min(i + 2, json.Length);
                    continue;
                }

                i++;
                break;
            }

            json[start..i].CopyTo(destination[written..]);
            written += i - start;
        }

        return written;
    }

    /// <summary>The compact form as a new array.</summary>
    public static byte[] Compact(ReadOnlySpan<byte> json)
    {
        var buffer = new byte[json.Length];
        var written = Compact(json, buffer);
        return written == buffer.Length ? buffer : buffer[..written];
    }
}
