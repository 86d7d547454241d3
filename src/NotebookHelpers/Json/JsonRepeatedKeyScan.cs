using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace NotebookHelpers.Json;

/// <summary>
/// The fast path of <see cref="JsonDuplicateKeys"/> for a value the scanner has already validated (a decoded
/// record): one pass over 64-byte blocks classified into bitmasks, as in <see cref="JsonStructuralValidator"/>,
/// visiting only the brackets and colons outside strings. The key before each colon is hashed from a few of its
/// bytes into its object's 64-bit filter; only when the filter already has that bit are the object's earlier keys
/// compared, by hash and then byte for byte, so a hash collision of different keys is never reported. Keys are
/// visited in document order, as the exact walk visits them, so the first repeat found is the same one.
/// <para>
/// Whatever it does not settle by itself — a key with a backslash (escaped keys are compared unescaped), a key
/// that is not valid UTF-8 (compared by its decoded text), nesting
/// at <see cref="JsonDuplicateKeys.MaxDepth"/>, an object of more than 64 keys, anything that does not look like well-formed JSON, no vector
/// support — it answers <see cref="Outcome.Undecided"/>, and the caller runs the exact walk.
/// </para>
/// </summary>
internal static class JsonRepeatedKeyScan
{
    /// <summary>What <see cref="Find"/> settled.</summary>
    internal enum Outcome
    {
        /// <summary>No object repeats a key.</summary>
        None,

        /// <summary>A repeated key: its second occurrence's opening quote and that of its first.</summary>
        Found,

        /// <summary>Not settled here: run the exact walk.</summary>
        Undecided,
    }

    private const int BlockSize = JsonBlockClassifier.BlockSize;
    private const int InitialKeys = 256;

    // Real CloudTrail objects have a few dozen keys at most; more go to the exact walk, linear however many.
    private const int MaxObjectKeys = 64;

    // Per thread (the decoding workers): the keys of the objects still open and the open containers, reused from
    // record to record so the check allocates nothing.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Looks for the first repeated key of <paramref name="json"/>, a well-formed value (leading whitespace allowed).
    /// On <see cref="Outcome.Found"/>, <paramref name="offset"/> is the opening quote of the repeat and
    /// <paramref name="firstOffset"/> that of the key's first occurrence in the same object.
    /// </summary>
#if !RELEASE
    // Debug (no ReadyToRun code): optimized at first call. Not in Release: the attribute would keep the method out of
    // the ReadyToRun image, JIT-compiled at every start (issue 16). Release nbh runs the image's optimized code; the
    // notebooks also load the library, with quick JIT on: they run the image's code where they load it, else start
    // unoptimized and tier up when hot (loops through on-stack replacement).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public static Outcome Find(ReadOnlySpan<byte> json, out int offset, out int firstOffset)
    {
        offset = -1;
        firstOffset = -1;
        if (!JsonBlockClassifier.IsSupported)
        {
            return Outcome.Undecided;
        }

        var scratch = t_scratch ??= new Scratch();
        var keys = scratch.Keys;
        var filters = scratch.Filters;
        var bases = scratch.Bases;
        var depth = 0;
        var count = 0;
        var len = json.Length;
        ref var first = ref MemoryMarshal.GetReference(json);
        var tail = default(TailBlock);
        ulong escapedCarry = 0, inStringCarry = 0;
        for (var blockStart = 0; blockStart < len; blockStart += BlockSize)
        {
            scoped ref var block = ref Unsafe.Add(ref first, blockStart);
            if (len - blockStart < BlockSize)
            {
                // The last, partial block is classified from a copy padded with spaces, never by reading past the span.
                Span<byte> padded = tail;
                padded.Fill((byte)' ');
                json[blockStart..].CopyTo(padded);
                block = ref MemoryMarshal.GetReference(padded);
            }

            var masks = Classify(ref block);
            var escaped = JsonStructuralValidator.Escaped(masks.Backslash, ref escapedCarry);
            var quotes = masks.Quote & ~escaped;
            var inString = JsonStructuralValidator.PrefixXor(quotes) ^ inStringCarry;
            inStringCarry = (ulong)((long)inString >> 63);
            var marks = (masks.Open | masks.Close | masks.Colon) & ~inString;
            while (marks != 0)
            {
                var at = BitOperations.TrailingZeroCount(marks);
                marks &= marks - 1;

                // In bounds: at < 64 and block has 64 readable bytes.
                var c = Unsafe.Add(ref block, at);
                if (c == ':')
                {
                    if (depth == 0 || bases[depth - 1] < 0 || count - bases[depth - 1] == MaxObjectKeys)
                    {
                        // Past MaxObjectKeys keys the filter is always hit and each key would be compared with all
                        // earlier ones: the exact walk's dictionary keeps a huge (hostile) object linear.
                        return Outcome.Undecided;
                    }

                    // Compact JSON: the key's closing quote is right before the colon, and usually its opening quote
                    // is in the same block, the last unescaped quote before. Anything else takes the slower look.
                    int open, length;
                    var before = quotes & ((1UL << at) - 1);
                    if (at > 0 && (before & (1UL << (at - 1))) != 0 && (before &= ~(1UL << (at - 1))) != 0)
                    {
                        var openBit = 63 - BitOperations.LeadingZeroCount(before);
                        open = blockStart + openBit;
                        length = at - openBit - 2;
                        if ((masks.Backslash & ((1UL << at) - 1) & ~((2UL << openBit) - 1)) != 0)
                        {
                            return Outcome.Undecided;
                        }
                    }
                    else if (!KeyBefore(json, blockStart, blockStart + at, quotes, masks.Backslash, out open, out length))
                    {
                        return Outcome.Undecided;
                    }

                    if (!Utf8.IsValid(json.Slice(open + 1, length)))
                    {
                        // Compared byte for byte here, but such keys decode with U+FFFD for the bad bytes, so
                        // different bytes (0xFF, 0xFE) can be the same key text: the exact walk compares texts.
                        return Outcome.Undecided;
                    }

                    var hash = Hash(ref Unsafe.Add(ref first, open + 1), length);
                    var bit = 1UL << (int)(hash >> 58);
                    ref var filter = ref filters[depth - 1];
                    if ((filter & bit) != 0)
                    {
                        var key = json.Slice(open + 1, length);
                        for (var i = bases[depth - 1]; i < count; i++)
                        {
                            ref readonly var earlier = ref keys[i];
                            if (earlier.Hash == hash && earlier.Length == length && json.Slice(earlier.Quote + 1, length).SequenceEqual(key))
                            {
                                offset = open;
                                firstOffset = earlier.Quote;
                                return Outcome.Found;
                            }
                        }
                    }

                    filter |= bit;
                    if (count == keys.Length)
                    {
                        Array.Resize(ref keys, count * 2);
                        scratch.Keys = keys;
                    }

                    keys[count++] = new KeyEntry(hash, open, length);
                }
                else if (c is (byte)'{' or (byte)'[')
                {
                    if (depth == JsonDuplicateKeys.MaxDepth)
                    {
                        // The exact walk does not look into containers this deep: let it decide what it reports.
                        return Outcome.Undecided;
                    }

                    filters[depth] = 0;
                    bases[depth] = c == '{' ? count : -1;
                    depth++;
                }
                else
                {
                    if (depth == 0)
                    {
                        return Outcome.Undecided;
                    }

                    depth--;
                    if (bases[depth] >= 0)
                    {
                        count = bases[depth];
                    }

                    if (depth == 0)
                    {
                        return Outcome.None;
                    }
                }
            }
        }

        return depth == 0 ? Outcome.None : Outcome.Undecided;
    }

    // The key whose colon is at `colon`: its opening quote and the length of its body. False when the key has a
    // backslash (compared unescaped: the exact walk's job) or the bytes are not a key.
    private static bool KeyBefore(ReadOnlySpan<byte> json, int blockStart, int colon, ulong quotes, ulong backslashes, out int open, out int length)
    {
        open = -1;
        length = 0;
        var close = colon - 1;
        while (close >= 0 && json[close] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            close--;
        }

        if (close <= 0 || json[close] != '"')
        {
            return false;
        }

        var inBlock = close - blockStart;
        ulong before;
        if (inBlock >= 0 && (before = quotes & ((1UL << inBlock) - 1)) != 0)
        {
            // The usual case: the whole key is in this block; its opening quote is the last unescaped one before.
            var openBit = 63 - BitOperations.LeadingZeroCount(before);
            open = blockStart + openBit;
            length = close - open - 1;
            var between = ((1UL << inBlock) - 1) & ~((2UL << openBit) - 1);
            return (backslashes & between) == 0;
        }

        // A key that began in an earlier block. A backslash anywhere in it, or just before the quote found (which is
        // then an escaped quote inside the key), leaves it to the exact walk.
        open = json[..close].LastIndexOf((byte)'"');
        if (open < 0 || (open > 0 && json[open - 1] == '\\'))
        {
            return false;
        }

        length = close - open - 1;
        return json.Slice(open + 1, length).IndexOf((byte)'\\') < 0;
    }

    // A few of the key's bytes (the first and last eight, or all of a short key) and its length, multiplied so that
    // the top six bits, which pick the filter bit, depend on all of them. Equal keys hash equally; different keys
    // may too, which costs a byte comparison, never a wrong answer.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ref byte key, int length)
    {
        ulong h;
        if (length >= 8)
        {
            h = Unsafe.ReadUnaligned<ulong>(ref key) ^ BitOperations.RotateLeft(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref key, length - 8)), 29);
        }
        else if (length >= 4)
        {
            h = Unsafe.ReadUnaligned<uint>(ref key) | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref key, length - 4)) << 32);
        }
        else if (length > 0)
        {
            h = key | ((ulong)Unsafe.Add(ref key, length >> 1) << 8) | ((ulong)Unsafe.Add(ref key, length - 1) << 16);
        }
        else
        {
            h = 0;
        }

        return (h + (ulong)length) * 0x9E37_79B9_7F4A_7C15UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Masks Classify(ref byte block)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref block);
            var hi = Vector256.LoadUnsafe(ref block, 32);
            return new Masks(Classify256(lo), Classify256(hi), 32);
        }

        var m = Classify128(Vector128.LoadUnsafe(ref block));
        m = new Masks(m, Classify128(Vector128.LoadUnsafe(ref block, 16)), 16);
        m = new Masks(m, Classify128(Vector128.LoadUnsafe(ref block, 32)), 32);
        return new Masks(m, Classify128(Vector128.LoadUnsafe(ref block, 48)), 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Masks Classify256(Vector256<byte> v)
    {
        // '[' and '{', ']' and '}' differ only in bit 0x20: one compare each for openers and closers.
        var folded = v | Vector256.Create((byte)0x20);
        return new Masks(
            Vector256.Equals(v, Vector256.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector256.Equals(v, Vector256.Create((byte)'\\')).ExtractMostSignificantBits(),
            Vector256.Equals(folded, Vector256.Create((byte)'{')).ExtractMostSignificantBits(),
            Vector256.Equals(folded, Vector256.Create((byte)'}')).ExtractMostSignificantBits(),
            Vector256.Equals(v, Vector256.Create((byte)':')).ExtractMostSignificantBits());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Masks Classify128(Vector128<byte> v)
    {
        var folded = v | Vector128.Create((byte)0x20);
        return new Masks(
            Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits(),
            Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits(),
            Vector128.Equals(folded, Vector128.Create((byte)'{')).ExtractMostSignificantBits(),
            Vector128.Equals(folded, Vector128.Create((byte)'}')).ExtractMostSignificantBits(),
            Vector128.Equals(v, Vector128.Create((byte)':')).ExtractMostSignificantBits());
    }

    private readonly struct Masks
    {
        public readonly ulong Quote;
        public readonly ulong Backslash;
        public readonly ulong Open;
        public readonly ulong Close;
        public readonly ulong Colon;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Masks(ulong quote, ulong backslash, ulong open, ulong close, ulong colon)
        {
            Quote = quote;
            Backslash = backslash;
            Open = open;
            Close = close;
            Colon = colon;
        }

        // The masks of the bytes before `shift` joined with those of the bytes from it.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Masks(Masks low, Masks high, int shift)
            : this(
                low.Quote | (high.Quote << shift),
                low.Backslash | (high.Backslash << shift),
                low.Open | (high.Open << shift),
                low.Close | (high.Close << shift),
                low.Colon | (high.Colon << shift))
        {
        }
    }

    private readonly record struct KeyEntry(ulong Hash, int Quote, int Length);

    private sealed class Scratch
    {
        public KeyEntry[] Keys = new KeyEntry[InitialKeys];
        public readonly ulong[] Filters = new ulong[JsonDuplicateKeys.MaxDepth];
        public readonly int[] Bases = new int[JsonDuplicateKeys.MaxDepth];
    }

    [InlineArray(BlockSize)]
    private struct TailBlock
    {
        private byte _element;
    }
}
