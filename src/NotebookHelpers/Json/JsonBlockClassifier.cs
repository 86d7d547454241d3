using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookHelpers.Json;

/// <summary>
/// Classifies 64 bytes of JSON at once into bitmasks (bit i describes byte i): quotes, backslashes, control bytes,
/// whitespace and the six structural operators. Two 32-byte compares per class where 256-bit vectors are
/// accelerated, four 16-byte ones otherwise (Arm64, older x86).
/// </summary>
internal static class JsonBlockClassifier
{
    /// <summary>The number of bytes one classification covers.</summary>
    public const int BlockSize = 64;

    /// <summary>False where neither 128- nor 256-bit vectors are accelerated; the scalar scanner is used then.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated;

    /// <summary>Classifies the 64 bytes starting at <paramref name="block"/>; the caller guarantees all 64 are readable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonBlockMasks Classify(ref byte block)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref block);
            var hi = Vector256.LoadUnsafe(ref block, 32);
            return new JsonBlockMasks(Classify256(lo), Classify256(hi));
        }

        return new JsonBlockMasks(
            Classify128(Vector128.LoadUnsafe(ref block)),
            Classify128(Vector128.LoadUnsafe(ref block, 16)),
            Classify128(Vector128.LoadUnsafe(ref block, 32)),
            Classify128(Vector128.LoadUnsafe(ref block, 48)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsonBlockMasks Classify256(Vector256<byte> v)
    {
        // '[' ']' '{' '}' differ from each other only in bit 0x20 and bits 0x06: folding 0x20 in leaves two compares.
        var folded = v | Vector256.Create((byte)0x20);
        var op = Vector256.Equals(folded, Vector256.Create((byte)'{')) | Vector256.Equals(folded, Vector256.Create((byte)'}'))
            | Vector256.Equals(v, Vector256.Create((byte)':')) | Vector256.Equals(v, Vector256.Create((byte)','));
        var ws = Vector256.Equals(v, Vector256.Create((byte)' ')) | Vector256.Equals(v, Vector256.Create((byte)'\n'))
            | Vector256.Equals(v, Vector256.Create((byte)'\r')) | Vector256.Equals(v, Vector256.Create((byte)'\t'));
        return new JsonBlockMasks(
            Vector256.Equals(v, Vector256.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector256.Equals(v, Vector256.Create((byte)'\\')).ExtractMostSignificantBits(),
            Vector256.LessThan(v, Vector256.Create((byte)0x20)).ExtractMostSignificantBits(),
            ws.ExtractMostSignificantBits(),
            op.ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsonBlockMasks Classify128(Vector128<byte> v)
    {
        var folded = v | Vector128.Create((byte)0x20);
        var op = Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'))
            | Vector128.Equals(v, Vector128.Create((byte)':')) | Vector128.Equals(v, Vector128.Create((byte)','));
        var ws = Vector128.Equals(v, Vector128.Create((byte)' ')) | Vector128.Equals(v, Vector128.Create((byte)'\n'))
            | Vector128.Equals(v, Vector128.Create((byte)'\r')) | Vector128.Equals(v, Vector128.Create((byte)'\t'));
        return new JsonBlockMasks(
            Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits(),
            Vector128.LessThan(v, Vector128.Create((byte)0x20)).ExtractMostSignificantBits(),
            ws.ExtractMostSignificantBits(),
            op.ExtractMostSignificantBits());
    }
}
