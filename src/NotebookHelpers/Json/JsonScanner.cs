using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookHelpers.Json;

/// <summary>
/// An allocation-free, validating structural scanner for UTF-8 JSON: skips whole values, finds where a record
/// ends, and checks the grammar on the way (strings, escapes, numbers, literals, commas, colons, bracket matching)
/// so malformed input is reported with its byte offset instead of being passed on. Objects and arrays are first
/// checked 64 bytes at a time by <see cref="JsonStructuralValidator"/>; when it cannot accept them, the byte-by-byte
/// grammar here decides, and reports the exact error. String bodies — most of a CloudTrail record — are skipped with
/// vectorized searches for the few bytes that matter (<c>"</c>, <c>\</c>, control characters). Nesting is tracked
/// in a 256-level bit stack, so the scanner never recurses, never allocates, never reads outside its span and always
/// terminates.
/// UTF-8 well-formedness inside strings is not checked here (decoding replaces bad sequences).
/// </summary>
public static class JsonScanner
{
    /// <summary>The deepest nesting accepted. CloudTrail records stay far below it.</summary>
    public const int MaxDepth = 256;

    // Bytes that end the fast part of a string: the quote, the backslash, and raw control characters (invalid JSON).
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    // 1 for bytes that end the fast part of a string; lets short strings (most CloudTrail values) be skipped with a
    // scalar loop before paying for a vectorized search.
    private static ReadOnlySpan<byte> StringStop =>
    [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>True for the four JSON whitespace bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>The index of the first non-whitespace byte at or after <paramref name="pos"/> (or the span's length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int pos)
    {
        if ((uint)pos < (uint)json.Length && IsWhitespace(json[pos]))
        {
            var rest = json[pos..].IndexOfAnyExcept(Whitespace);
            return rest < 0 ? json.Length : pos + rest;
        }

        return pos;
    }

    /// <summary>
    /// Skips the string whose opening quote is at <paramref name="pos"/>; <paramref name="end"/> is the index after
    /// the closing quote.
    /// </summary>
    public static JsonScanStatus SkipString(ReadOnlySpan<byte> json, int pos, out int end, out JsonScanError error)
    {
        var status = ScanString(json, pos, out end, out var failAt, out var failKind, out _);
        error = status == JsonScanStatus.Ok ? default : new JsonScanError(failAt, failKind);
        return status;
    }

    /// <summary>
    /// Skips the value that starts at or after <paramref name="pos"/> (leading whitespace allowed);
    /// <paramref name="start"/> and <paramref name="end"/> delimit the value itself.
    /// </summary>
    public static JsonScanStatus SkipValue(ReadOnlySpan<byte> json, int pos, out int start, out int end, out JsonTokenKind kind, out JsonScanError error)
    {
        var sawWhitespace = false;
        return SkipValue(json, pos, out start, out end, out kind, out error, ref sawWhitespace);
    }

    /// <summary>
    /// As <see cref="SkipValue(ReadOnlySpan{byte}, int, out int, out int, out JsonTokenKind, out JsonScanError)"/>;
    /// also sets <paramref name="sawWhitespace"/> when the value contains insignificant whitespace (so the caller
    /// knows whether its bytes are already in compact form).
    /// </summary>
    public static JsonScanStatus SkipValue(ReadOnlySpan<byte> json, int pos, out int start, out int end, out JsonTokenKind kind, out JsonScanError error, ref bool sawWhitespace)
    {
        pos = SkipWhitespace(json, pos);
        start = pos;
        kind = JsonTokenKind.None;
        end = pos;
        if (pos >= json.Length)
        {
            error = new JsonScanError(pos, JsonScanErrorKind.UnexpectedEnd);
            return JsonScanStatus.Incomplete;
        }

        kind = KindOf(json[pos]);
        JsonScanStatus status;
        int failAt;
        JsonScanErrorKind failKind;
        if (kind == JsonTokenKind.String)
        {
            var plainEnd = SkipPlainString(json, pos);
            if (plainEnd > 0)
            {
                end = plainEnd;
                error = default;
                return JsonScanStatus.Ok;
            }

            status = ScanString(json, pos, out end, out failAt, out failKind, out _);
        }
        else
        {
            status = ScanValue(json, pos, out end, out failAt, out failKind, ref sawWhitespace);
        }

        error = status == JsonScanStatus.Ok ? default : new JsonScanError(failAt, failKind);
        if (status != JsonScanStatus.Ok)
        {
            kind = JsonTokenKind.None;
        }

        return status;
    }

    /// <summary>The kind of value a byte starts, or <see cref="JsonTokenKind.None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonTokenKind KindOf(byte first) => first switch
    {
        (byte)'{' => JsonTokenKind.Object,
        (byte)'[' => JsonTokenKind.Array,
        (byte)'"' => JsonTokenKind.String,
        (byte)'t' => JsonTokenKind.True,
        (byte)'f' => JsonTokenKind.False,
        (byte)'n' => JsonTokenKind.Null,
        (byte)'-' or >= (byte)'0' and <= (byte)'9' => JsonTokenKind.Number,
        _ => JsonTokenKind.None,
    };

    /// <summary>
    /// The common case in one vector step: a string without escapes or control characters. Returns the index after
    /// the closing quote, or -1 when the full <see cref="ScanString"/> must decide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SkipPlainString(ReadOnlySpan<byte> json, int pos)
    {
        var start = pos + 1;
        if (Vector256.IsHardwareAccelerated && start + 32 <= json.Length)
        {
            var v = Vector256.Create(json.Slice(start, 32));
            var hits = Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\')) | Vector256.LessThan(v, Vector256.Create((byte)0x20));
            var mask = hits.ExtractMostSignificantBits();
            if (mask != 0)
            {
                var at = start + BitOperations.TrailingZeroCount(mask);
                return json[at] == '"' ? at + 1 : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Scans the string whose opening quote is at <paramref name="pos"/>. <paramref name="hasEscapes"/> tells whether
    /// the body needs unescaping.
    /// </summary>
#if !RELEASE
    // Debug (no ReadyToRun code): optimized at first call. Not in Release: the attribute would keep the method out of
    // the ReadyToRun image, JIT-compiled at every start (issue 16). Release nbh runs the image's optimized code; the
    // notebooks also load the library, with quick JIT on: they run the image's code where they load it, else start
    // unoptimized and tier up when hot (loops through on-stack replacement).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    internal static JsonScanStatus ScanString(ReadOnlySpan<byte> json, int pos, out int end, out int failAt, out JsonScanErrorKind failKind, out bool hasEscapes)
    {
        hasEscapes = false;
        failKind = JsonScanErrorKind.None;
        failAt = pos;
        var i = pos + 1;
        var table = StringStop;
        var scalarEnd = Math.Min(json.Length, i + 4);
        while (i < scalarEnd && table[json[i]] == 0)
        {
            i++;
        }

        while (true)
        {
            var rest = json[i..];
            var hit = IndexOfStringSpecial(rest);
            if (hit < 0)
            {
                end = json.Length;
                failAt = json.Length;
                failKind = JsonScanErrorKind.UnexpectedEnd;
                return JsonScanStatus.Incomplete;
            }

            i += hit;
            var b = json[i];
            if (b == '"')
            {
                end = i + 1;
                return JsonScanStatus.Ok;
            }

            if (b != '\\')
            {
                end = i;
                failAt = i;
                failKind = JsonScanErrorKind.ControlCharacterInString;
                return JsonScanStatus.Invalid;
            }

            hasEscapes = true;
            if (i + 1 >= json.Length)
            {
                end = json.Length;
                failAt = json.Length;
                failKind = JsonScanErrorKind.UnexpectedEnd;
                return JsonScanStatus.Incomplete;
            }

            switch (json[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i += 2;
                    break;
                case (byte)'u':
                    for (var h = 0; h < 4; h++)
                    {
                        var at = i + 2 + h;
                        if (at >= json.Length)
                        {
                            end = json.Length;
                            failAt = json.Length;
                            failKind = JsonScanErrorKind.UnexpectedEnd;
                            return JsonScanStatus.Incomplete;
                        }

                        if (!char.IsAsciiHexDigit((char)json[at]))
                        {
                            end = at;
                            failAt = at;
                            failKind = JsonScanErrorKind.InvalidEscape;
                            return JsonScanStatus.Invalid;
                        }
                    }

                    i += 6;
                    break;
                default:
                    end = i;
                    failAt = i;
                    failKind = JsonScanErrorKind.InvalidEscape;
                    return JsonScanStatus.Invalid;
            }
        }
    }

    private static JsonScanStatus ScanValue(ReadOnlySpan<byte> json, int pos, out int end, out int failAt, out JsonScanErrorKind failKind, ref bool sawWhitespace)
    {
        // Containers go through the block validator first; it either proves the value valid or leaves the verdict
        // (and the exact error) to the byte-by-byte grammar below.
        if (json[pos] is (byte)'{' or (byte)'[' && JsonStructuralValidator.TryScanContainer(json, pos, out end, out var blockWhitespace))
        {
            sawWhitespace |= blockWhitespace;
            failAt = 0;
            failKind = JsonScanErrorKind.None;
            return JsonScanStatus.Ok;
        }

        return ScanValueByByte(json, pos, out end, out failAt, out failKind, ref sawWhitespace);
    }

#if !RELEASE
    // Debug (no ReadyToRun code): optimized at first call. Not in Release: the attribute would keep the method out of
    // the ReadyToRun image, JIT-compiled at every start (issue 16). Release nbh runs the image's optimized code; the
    // notebooks also load the library, with quick JIT on: they run the image's code where they load it, else start
    // unoptimized and tier up when hot (loops through on-stack replacement).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private static JsonScanStatus ScanValueByByte(ReadOnlySpan<byte> json, int pos, out int end, out int failAt, out JsonScanErrorKind failKind, ref bool sawWhitespace)
    {
        // Bit i of the stack is 1 when nesting level i+1 is an object, 0 when an array.
        var bits = default(DepthBits);
        Span<ulong> stack = bits;
        var depth = 0;
        failAt = 0;
        failKind = JsonScanErrorKind.None;
        var len = json.Length;

    Value:
        if (pos >= len)
        {
            return Incomplete(len, out end, out failAt, out failKind);
        }

        switch (json[pos])
        {
            case (byte)'"':
            {
                var plainEnd = SkipPlainString(json, pos);
                if (plainEnd > 0)
                {
                    pos = plainEnd;
                    goto AfterValue;
                }

                var status = ScanString(json, pos, out pos, out failAt, out failKind, out _);
                if (status != JsonScanStatus.Ok)
                {
                    end = pos;
                    return status;
                }

                goto AfterValue;
            }

            case (byte)'{':
                if (depth == MaxDepth)
                {
                    return Fail(pos, JsonScanErrorKind.TooDeep, out end, out failAt, out failKind);
                }

                stack[depth >> 6] |= 1UL << (depth & 63);
                depth++;
                pos = SkipWs(json, pos + 1, ref sawWhitespace);
                if (pos >= len)
                {
                    return Incomplete(len, out end, out failAt, out failKind);
                }

                if (json[pos] == '}')
                {
                    depth--;
                    pos++;
                    goto AfterValue;
                }

                goto Key;

            case (byte)'[':
                if (depth == MaxDepth)
                {
                    return Fail(pos, JsonScanErrorKind.TooDeep, out end, out failAt, out failKind);
                }

                stack[depth >> 6] &= ~(1UL << (depth & 63));
                depth++;
                pos = SkipWs(json, pos + 1, ref sawWhitespace);
                if (pos >= len)
                {
                    return Incomplete(len, out end, out failAt, out failKind);
                }

                if (json[pos] == ']')
                {
                    depth--;
                    pos++;
                    goto AfterValue;
                }

                goto Value;

            case (byte)'t':
                if (!Literal(json, ref pos, "true"u8, out var literalStatus))
                {
                    return LiteralFailure(literalStatus, pos, out end, out failAt, out failKind);
                }

                goto AfterValue;

            case (byte)'f':
                if (!Literal(json, ref pos, "false"u8, out literalStatus))
                {
                    return LiteralFailure(literalStatus, pos, out end, out failAt, out failKind);
                }

                goto AfterValue;

            case (byte)'n':
                if (!Literal(json, ref pos, "null"u8, out literalStatus))
                {
                    return LiteralFailure(literalStatus, pos, out end, out failAt, out failKind);
                }

                goto AfterValue;

            case (byte)'-' or >= (byte)'0' and <= (byte)'9':
            {
                var status = ScanNumber(json, ref pos, depth == 0);
                if (status != JsonScanStatus.Ok)
                {
                    end = pos;
                    failAt = pos;
                    failKind = status == JsonScanStatus.Incomplete ? JsonScanErrorKind.UnexpectedEnd : JsonScanErrorKind.InvalidNumber;
                    return status;
                }

                goto AfterValue;
            }

            default:
                return Fail(pos, JsonScanErrorKind.UnexpectedByte, out end, out failAt, out failKind);
        }

    Key:
        // pos is at the first non-whitespace byte of a member.
        if (json[pos] != '"')
        {
            return Fail(pos, JsonScanErrorKind.ExpectedKey, out end, out failAt, out failKind);
        }

        {
            var plainEnd = SkipPlainString(json, pos);
            if (plainEnd > 0)
            {
                pos = plainEnd;
            }
            else
            {
                var status = ScanString(json, pos, out pos, out failAt, out failKind, out _);
                if (status != JsonScanStatus.Ok)
                {
                    end = pos;
                    return status;
                }
            }
        }

        pos = SkipWs(json, pos, ref sawWhitespace);
        if (pos >= len)
        {
            return Incomplete(len, out end, out failAt, out failKind);
        }

        if (json[pos] != ':')
        {
            return Fail(pos, JsonScanErrorKind.ExpectedColon, out end, out failAt, out failKind);
        }

        pos = SkipWs(json, pos + 1, ref sawWhitespace);
        goto Value;

    AfterValue:
        if (depth == 0)
        {
            end = pos;
            return JsonScanStatus.Ok;
        }

        pos = SkipWs(json, pos, ref sawWhitespace);
        if (pos >= len)
        {
            return Incomplete(len, out end, out failAt, out failKind);
        }

        var inObject = (stack[(depth - 1) >> 6] & (1UL << ((depth - 1) & 63))) != 0;
        var next = json[pos];
        if (next == ',')
        {
            pos = SkipWs(json, pos + 1, ref sawWhitespace);
            if (pos >= len)
            {
                return Incomplete(len, out end, out failAt, out failKind);
            }

            if (inObject)
            {
                goto Key;
            }

            goto Value;
        }

        if ((inObject && next == '}') || (!inObject && next == ']'))
        {
            depth--;
            pos++;
            goto AfterValue;
        }

        return Fail(pos, JsonScanErrorKind.ExpectedCommaOrEnd, out end, out failAt, out failKind);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWs(ReadOnlySpan<byte> json, int pos, ref bool sawWhitespace)
    {
        if ((uint)pos < (uint)json.Length && IsWhitespace(json[pos]))
        {
            sawWhitespace = true;
            return SkipWhitespace(json, pos);
        }

        return pos;
    }

    private static bool Literal(ReadOnlySpan<byte> json, ref int pos, ReadOnlySpan<byte> word, out JsonScanStatus status)
    {
        var available = Math.Min(word.Length, json.Length - pos);
        var actual = json.Slice(pos, available);
        if (!word[..available].SequenceEqual(actual))
        {
            var mismatch = actual.CommonPrefixLength(word);
            pos += mismatch;
            status = JsonScanStatus.Invalid;
            return false;
        }

        if (available < word.Length)
        {
            pos = json.Length;
            status = JsonScanStatus.Incomplete;
            return false;
        }

        pos += word.Length;
        status = JsonScanStatus.Ok;
        return true;
    }

    private static JsonScanStatus LiteralFailure(JsonScanStatus status, int pos, out int end, out int failAt, out JsonScanErrorKind failKind)
    {
        end = pos;
        failAt = pos;
        failKind = status == JsonScanStatus.Incomplete ? JsonScanErrorKind.UnexpectedEnd : JsonScanErrorKind.InvalidLiteral;
        return status;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?  A number that touches the end of a top-level span is
    // incomplete (more digits may follow); inside a container the closing bracket must still come.
    internal static JsonScanStatus ScanNumber(ReadOnlySpan<byte> json, ref int pos, bool topLevel)
    {
        var len = json.Length;
        var i = pos;
        if (json[i] == '-')
        {
            i++;
        }

        if (i >= len)
        {
            pos = len;
            return JsonScanStatus.Incomplete;
        }

        if (json[i] == '0')
        {
            i++;
        }
        else if (json[i] is >= (byte)'1' and <= (byte)'9')
        {
            i = Digits(json, i + 1);
        }
        else
        {
            pos = i;
            return JsonScanStatus.Invalid;
        }

        if (i < len && json[i] == '.')
        {
            var start = ++i;
            i = Digits(json, i);
            if (i == start)
            {
                pos = i;
                return i >= len ? JsonScanStatus.Incomplete : JsonScanStatus.Invalid;
            }
        }

        if (i < len && (json[i] | 0x20) == 'e')
        {
            i++;
            if (i < len && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var start = i;
            i = Digits(json, i);
            if (i == start)
            {
                pos = i;
                return i >= len ? JsonScanStatus.Incomplete : JsonScanStatus.Invalid;
            }
        }

        pos = i;
        if (i >= len)
        {
            return topLevel ? JsonScanStatus.Incomplete : JsonScanStatus.Ok;
        }

        return JsonScanStatus.Ok;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && (uint)(json[i] - '0') <= 9)
        {
            i++;
        }

        return i;
    }

    // The first '"', '\\' or control character: three vector compares per 32 bytes, cheaper than a general
    // SearchValues lookup for a set of 34 bytes.
    private static int IndexOfStringSpecial(ReadOnlySpan<byte> span)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)0x20);
            for (; i + 32 <= span.Length; i += 32)
            {
                var v = Vector256.Create(span.Slice(i, 32));
                var hits = Vector256.Equals(v, quote) | Vector256.Equals(v, backslash) | Vector256.LessThan(v, space);
                if (hits != Vector256<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)0x20);
            for (; i + 16 <= span.Length; i += 16)
            {
                var v = Vector128.Create(span.Slice(i, 16));
                var hits = Vector128.Equals(v, quote) | Vector128.Equals(v, backslash) | Vector128.LessThan(v, space);
                if (hits != Vector128<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
                }
            }
        }

        var rest = span[i..].IndexOfAny(StringSpecials);
        return rest < 0 ? -1 : i + rest;
    }

    [InlineArray(MaxDepth / 64)]
    private struct DepthBits
    {
        private ulong _element;
    }

    private static JsonScanStatus Incomplete(int len, out int end, out int failAt, out JsonScanErrorKind failKind)
    {
        end = len;
        failAt = len;
        failKind = JsonScanErrorKind.UnexpectedEnd;
        return JsonScanStatus.Incomplete;
    }

    private static JsonScanStatus Fail(int pos, JsonScanErrorKind kind, out int end, out int failAt, out JsonScanErrorKind failKind)
    {
        end = pos;
        failAt = pos;
        failKind = kind;
        return JsonScanStatus.Invalid;
    }
}
