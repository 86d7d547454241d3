using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArmAes = System.Runtime.Intrinsics.Arm.Aes;

namespace NotebookHelpers.Json;

/// <summary>
/// The fast path of <see cref="JsonScanner"/> for objects and arrays, after simdjson's first stage: each 64-byte
/// block is classified into bitmasks (<see cref="JsonBlockClassifier"/>); escaped characters, the inside of strings
/// (a prefix XOR of the unescaped quotes) and the starts of scalars follow from bit arithmetic with a carry from
/// block to block; then only the structural positions — operators, opening quotes and scalar starts — are walked
/// through the grammar. String bodies cost no per-byte work beyond the classification; control bytes inside
/// strings and escapes are checked from the masks, numbers and literals with the scalar scanner's rules.
/// <para>
/// It only ever answers "valid, ends here": on anything else (a grammar error, a bad escape or scalar, nesting
/// past <see cref="JsonScanner.MaxDepth"/>, the end of the span) it returns false, and the caller runs the scalar
/// scanner from the same position, which finds the exact error kind and offset. So the two can only disagree by
/// this one accepting input the scalar scanner rejects; the differential tests look for exactly that.
/// </para>
/// </summary>
internal static class JsonStructuralValidator
{
    // What the grammar expects at the next structural position.
    private const int ExpectValue = 0;
    private const int ExpectValueOrArrayEnd = 1;
    private const int ExpectKey = 2;
    private const int ExpectKeyOrObjectEnd = 3;
    private const int ExpectColon = 4;
    private const int ExpectCommaOrEnd = 5;

    private const ulong EvenBits = 0x5555_5555_5555_5555UL;

    // 1 for bytes that end a scalar token (whitespace, operators, the quote); anything else continues it.
    private static ReadOnlySpan<byte> EndsScalar =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// True when the object or array whose first byte (<c>{</c> or <c>[</c>) is at <paramref name="pos"/> is
    /// well-formed and complete; <paramref name="end"/> is then the index after its last byte and
    /// <paramref name="sawWhitespace"/> tells whether it holds insignificant whitespace. False means "not decided
    /// here": the scalar scanner must look.
    /// </summary>
#if !RELEASE
    // Debug (no ReadyToRun code): optimized at first call. Not in Release: the attribute would keep the method out of
    // the ReadyToRun image, JIT-compiled at every start (issue 16). Release nbh runs the image's optimized code; the
    // notebooks also load the library, with quick JIT on: they run the image's code where they load it, else start
    // unoptimized and tier up when hot (loops through on-stack replacement).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public static bool TryScanContainer(ReadOnlySpan<byte> json, int pos, out int end, out bool sawWhitespace)
    {
        end = pos;
        sawWhitespace = false;
        if (!JsonBlockClassifier.IsSupported || (uint)pos >= (uint)json.Length || json[pos] is not ((byte)'{' or (byte)'['))
        {
            return false;
        }

        var len = json.Length;
        ref var first = ref MemoryMarshal.GetReference(json);
        var tail = default(TailBlock);
        var bits = default(DepthStack);
        Span<ulong> stack = bits;
        var depth = 0;
        var inObject = false;
        var state = ExpectValue;

        // Carries from one block to the next: the first byte is escaped; inside a string (all ones) or not;
        // the last byte was part of a scalar; whitespace was seen outside strings.
        ulong escapedCarry = 0, inStringCarry = 0, scalarCarry = 0, whitespaceSeen = 0;
        for (var blockStart = pos; blockStart < len; blockStart += JsonBlockClassifier.BlockSize)
        {
            var remaining = len - blockStart;
            var valid = ulong.MaxValue;
            scoped ref var block = ref Unsafe.Add(ref first, blockStart);
            if (remaining < JsonBlockClassifier.BlockSize)
            {
                // The last, partial block is classified from a copy padded with spaces (no quote, operator or
                // scalar byte, so the padding adds no structural position), never by reading past the span.
                Span<byte> padded = tail;
                padded.Fill((byte)' ');
                json[blockStart..].CopyTo(padded);
                block = ref MemoryMarshal.GetReference(padded);
                valid = (1UL << remaining) - 1;
            }

            // In bounds: block has 64 readable bytes, from the span (remaining >= 64) or the padded copy.
            var masks = JsonBlockClassifier.Classify(ref block);
            var escaped = Escaped(masks.Backslash, ref escapedCarry);
            if (escaped != 0 && !EscapesAreValid(json, blockStart, escaped & valid, ref block))
            {
                return false;
            }

            var quotes = masks.Quote & ~escaped;
            var inString = PrefixXor(quotes) ^ inStringCarry;
            inStringCarry = (ulong)((long)inString >> 63);
            if ((masks.Control & inString) != 0)
            {
                return false;
            }

            var outside = ~inString;
            var scalar = ~(masks.Operator | masks.Whitespace | masks.Quote) & outside;
            var structurals = (masks.Operator & outside) | (quotes & inString) | (scalar & ~((scalar << 1) | scalarCarry));
            scalarCarry = scalar >> 63;
            var whitespace = masks.Whitespace & outside & valid;

            while (structurals != 0)
            {
                var at = BitOperations.TrailingZeroCount(structurals);
                structurals &= structurals - 1;

                // In bounds: at < 64 and block has 64 readable bytes.
                var c = Unsafe.Add(ref block, at);
                switch (state)
                {
                    case ExpectCommaOrEnd:
                        if (c == ',')
                        {
                            state = inObject ? ExpectKey : ExpectValue;
                            continue;
                        }

                        if (c != (inObject ? (byte)'}' : (byte)']'))
                        {
                            return false;
                        }

                        break;
                    case ExpectColon:
                        if (c != ':')
                        {
                            return false;
                        }

                        state = ExpectValue;
                        continue;
                    case ExpectKeyOrObjectEnd when c == '}':
                        break;
                    case ExpectKeyOrObjectEnd or ExpectKey:
                        if (c != '"')
                        {
                            return false;
                        }

                        // The colon after a key is usually in the same block: take it here, without a dispatch.
                        if (structurals != 0)
                        {
                            if (Unsafe.Add(ref block, BitOperations.TrailingZeroCount(structurals)) != ':')
                            {
                                return false;
                            }

                            structurals &= structurals - 1;
                            state = ExpectValue;
                            continue;
                        }

                        state = ExpectColon;
                        continue;
                    case ExpectValueOrArrayEnd when c == ']':
                        break;
                    default:
                        switch (c)
                        {
                            case (byte)'"':
                                state = ExpectCommaOrEnd;
                                continue;
                            case (byte)'{':
                                if (depth == JsonScanner.MaxDepth)
                                {
                                    return false;
                                }

                                stack[depth >> 6] |= 1UL << (depth & 63);
                                depth++;
                                inObject = true;
                                state = ExpectKeyOrObjectEnd;
                                continue;
                            case (byte)'[':
                                if (depth == JsonScanner.MaxDepth)
                                {
                                    return false;
                                }

                                stack[depth >> 6] &= ~(1UL << (depth & 63));
                                depth++;
                                inObject = false;
                                state = ExpectValueOrArrayEnd;
                                continue;
                            default:
                                if (depth == 0 || !IsCompleteScalar(json, blockStart + at))
                                {
                                    return false;
                                }

                                state = ExpectCommaOrEnd;
                                continue;
                        }
                }

                // A closing bracket that matches the open container.
                depth--;
                if (depth == 0)
                {
                    end = blockStart + at + 1;
                    sawWhitespace = (whitespaceSeen | (whitespace & ((2UL << at) - 1))) != 0;
                    return true;
                }

                inObject = (stack[(depth - 1) >> 6] & (1UL << ((depth - 1) & 63))) != 0;
                state = ExpectCommaOrEnd;
            }

            whitespaceSeen |= whitespace;
        }

        return false;
    }

    // The characters that follow an escaping backslash (simdjson's branchless odd-run rule): a run of backslashes
    // escapes every second byte from its start, and an odd run escapes the byte after it, possibly in the next block.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Escaped(ulong backslash, ref ulong carry)
    {
        if (backslash == 0)
        {
            var escaped = carry;
            carry = 0;
            return escaped;
        }

        backslash &= ~carry;
        var followsEscape = (backslash << 1) | carry;
        var oddStarts = backslash & ~EvenBits & ~followsEscape;
        var sum = oddStarts + backslash;
        carry = sum < oddStarts ? 1UL : 0UL;
        var invert = sum << 1;
        return (EvenBits ^ invert) & followsEscape;
    }

    // Every escaped character must be one of " \ / b f n r t, or u with four hex digits (read from the span,
    // with bounds checks, since they may lie in the next block or past the end).
    private static bool EscapesAreValid(ReadOnlySpan<byte> json, int blockStart, ulong escaped, ref byte block)
    {
        while (escaped != 0)
        {
            var at = BitOperations.TrailingZeroCount(escaped);
            escaped &= escaped - 1;
            switch (Unsafe.Add(ref block, at))
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    break;
                case (byte)'u':
                    var hex = blockStart + at + 1;
                    if (hex + 4 > json.Length
                        || !char.IsAsciiHexDigit((char)json[hex]) || !char.IsAsciiHexDigit((char)json[hex + 1])
                        || !char.IsAsciiHexDigit((char)json[hex + 2]) || !char.IsAsciiHexDigit((char)json[hex + 3]))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    // A number or literal that starts at `at`, obeys the scalar scanner's rules, and is followed (inside the span)
    // by a byte that ends the token — so the whole run of non-structural bytes is that one scalar.
    private static bool IsCompleteScalar(ReadOnlySpan<byte> json, int at)
    {
        var end = at;
        switch (json[at])
        {
            case (byte)'t':
                if (!json[at..].StartsWith("true"u8))
                {
                    return false;
                }

                end += 4;
                break;
            case (byte)'f':
                if (!json[at..].StartsWith("false"u8))
                {
                    return false;
                }

                end += 5;
                break;
            case (byte)'n':
                if (!json[at..].StartsWith("null"u8))
                {
                    return false;
                }

                end += 4;
                break;
            case (byte)'-' or >= (byte)'0' and <= (byte)'9':
                if (JsonScanner.ScanNumber(json, ref end, topLevel: false) != JsonScanStatus.Ok)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        return end < json.Length && EndsScalar[json[end]] != 0;
    }

    // Bit i of the result is the XOR of bits 0..i: 1 from an opening quote up to (not including) its closing quote.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong PrefixXor(ulong quotes)
    {
        if (Pclmulqdq.IsSupported)
        {
            return Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(quotes), Vector128<ulong>.AllBitsSet, 0).ToScalar();
        }

        if (ArmAes.IsSupported)
        {
            return ArmAes.PolynomialMultiplyWideningLower(Vector64.Create(quotes), Vector64<ulong>.AllBitsSet).ToScalar();
        }

        quotes ^= quotes << 1;
        quotes ^= quotes << 2;
        quotes ^= quotes << 4;
        quotes ^= quotes << 8;
        quotes ^= quotes << 16;
        quotes ^= quotes << 32;
        return quotes;
    }

    [InlineArray(JsonBlockClassifier.BlockSize)]
    private struct TailBlock
    {
        private byte _element;
    }

    [InlineArray(JsonScanner.MaxDepth / 64)]
    private struct DepthStack
    {
        private ulong _element;
    }
}
