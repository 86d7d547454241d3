using System.Buffers;
using System.Text;

namespace NotebookHelpers.Json;

/// <summary>
/// Decodes JSON string tokens found by the scanner, on demand. Unescaped strings (the common case) decode straight
/// from the input; escapes, including surrogate pairs in <c>\uXXXX</c>, are handled; a lone surrogate becomes U+FFFD.
/// </summary>
public static class JsonString
{
    /// <summary>The body of a string token: the bytes between its quotes.</summary>
    public static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> token) =>
        token.Length >= 2 && token[0] == '"' && token[^1] == '"' ? token[1..^1] : token;

    /// <summary>True when the body contains a backslash.</summary>
    public static bool HasEscapes(ReadOnlySpan<byte> body) => body.IndexOf((byte)'\\') >= 0;

    /// <summary>Decodes a string token (with or without quotes) to text.</summary>
    public static string GetString(ReadOnlySpan<byte> token)
    {
        var body = Body(token);
        if (!HasEscapes(body))
        {
            return Encoding.UTF8.GetString(body);
        }

        var rented = ArrayPool<byte>.Shared.Rent(body.Length);
        try
        {
            var written = Unescape(body, rented);
            return Encoding.UTF8.GetString(rented, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes the UTF-8 of an escaped string body into <paramref name="destination"/>, which must be at least as
    /// long as <paramref name="body"/> (unescaping never grows the text). Returns the bytes written.
    /// Invalid escapes are copied through verbatim (the scanner has already rejected them in validated input).
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < body.Length)
        {
            var slash = body[i..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                body[i..].CopyTo(destination[written..]);
                return written + (body.Length - i);
            }

            body.Slice(i, slash).CopyTo(destination[written..]);
            written += slash;
            i += slash;
            if (i + 1 >= body.Length)
            {
                destination[written++] = body[i++];
                break;
            }

            var e = body[i + 1];
            switch (e)
            {
                case (byte)'"': destination[written++] = (byte)'"'; i += 2; break;
                case (byte)'\\': destination[written++] = (byte)'\\'; i += 2; break;
                case (byte)'/': destination[written++] = (byte)'/'; i += 2; break;
                case (byte)'b': destination[written++] = 0x08; i += 2; break;
                case (byte)'f': destination[written++] = 0x0C; i += 2; break;
                case (byte)'n': destination[written++] = (byte)'\n'; i += 2; break;
                case (byte)'r': destination[written++] = (byte)'\r'; i += 2; break;
                case (byte)'t': destination[written++] = (byte)'\t'; i += 2; break;
                case (byte)'u' when TryHex4(body, i + 2, out var unit):
                    i += 6;
                    var scalar = (int)unit;
                    if (char.IsHighSurrogate((char)unit))
                    {
                        if (i + 5 < body.Length && body[i] == '\\' && body[i + 1] == 'u' && TryHex4(body, i + 2, out var low) && char.IsLowSurrogate((char)low))
                        {
                            scalar = char.ConvertToUtf32((char)unit, (char)low);
                            i += 6;
                        }
                        else
                        {
                            scalar = 0xFFFD;
                        }
                    }
                    else if (char.IsLowSurrogate((char)unit))
                    {
                        scalar = 0xFFFD;
                    }

                    written += new Rune(scalar).EncodeToUtf8(destination[written..]);
                    break;
                default:
                    destination[written++] = body[i++];
                    break;
            }
        }

        return written;
    }

    /// <summary>True when the string token decodes to exactly <paramref name="utf8"/>.</summary>
    public static bool TextEquals(ReadOnlySpan<byte> token, ReadOnlySpan<byte> utf8)
    {
        var body = Body(token);
        if (!HasEscapes(body))
        {
            return body.SequenceEqual(utf8);
        }

        if (body.Length > 4096)
        {
            return GetString(token) == Encoding.UTF8.GetString(utf8);
        }

        Span<byte> buffer = stackalloc byte[body.Length];
        var written = Unescape(body, buffer);
        return buffer[..written].SequenceEqual(utf8);
    }

    private static bool TryHex4(ReadOnlySpan<byte> s, int at, out ushort value)
    {
        value = 0;
        if (at + 4 > s.Length)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var c = s[at + k];
            int d = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (ushort)((value << 4) | d);
        }

        return true;
    }
}
