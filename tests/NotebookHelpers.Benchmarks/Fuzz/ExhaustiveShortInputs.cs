namespace NotebookHelpers.Benchmarks.Fuzz;

/// <summary>
/// Every string of a given length over a small alphabet of the bytes the block validator treats specially
/// (<c>{ } [ ] " \ : , 0 1 - . e t a</c>, space, newline, 0x01, <c>u</c>), placed in fixed containers — inside a
/// string, as an array element, as an object member's value — so that it starts at a chosen offset from the value
/// start; each input is also scanned cut right after the enumerated string.
/// </summary>
internal static class ExhaustiveShortInputs
{
    /// <summary>The alphabet, 19 bytes.</summary>
    public static ReadOnlySpan<byte> Alphabet => "{}[]\"\\:,01-.eta \n\x01u"u8;

    // Prefix before the filler, prefix after it, suffix after the enumerated string.
    private static readonly (byte[] Open, byte[] AfterFill, byte[] Close)[] Frames =
    [
        ("{\"k\":\""u8.ToArray(), [], "\"}"u8.ToArray()),
        ("[\""u8.ToArray(), "\","u8.ToArray(), "]"u8.ToArray()),
        ("{\""u8.ToArray(), "\":"u8.ToArray(), "}"u8.ToArray()),
    ];

    /// <summary>The number of inputs <see cref="Run"/> compares for one length and number of offsets.</summary>
    public static long InputCount(int length, int offsets) => (long)Math.Pow(Alphabet.Length, length) * offsets * Frames.Length * 2;

    /// <summary>
    /// Compares the scanners on every string of <paramref name="length"/> at each offset in
    /// <paramref name="offsets"/> (relative to the value start, at least 8); calls <paramref name="onDisagreement"/>
    /// for each input they disagree on. Returns the number of inputs compared.
    /// </summary>
    public static long Run(int length, IReadOnlyList<int> offsets, Action<byte[], int> onDisagreement)
    {
        long compared = 0;
        var symbols = new int[length];
        var alphabet = Alphabet.ToArray();
        foreach (var (open, afterFill, close) in Frames)
        {
            foreach (var offset in offsets)
            {
                var fill = offset - open.Length - afterFill.Length;
                if (fill < 0)
                {
                    continue;
                }

                var json = new byte[offset + length + close.Length];
                open.CopyTo(json, 0);
                json.AsSpan(open.Length, fill).Fill((byte)'x');
                afterFill.CopyTo(json, open.Length + fill);
                close.CopyTo(json, offset + length);
                System.Array.Clear(symbols);
                while (true)
                {
                    for (var i = 0; i < length; i++)
                    {
                        json[offset + i] = alphabet[symbols[i]];
                    }

                    if (ScannerComparison.Run(json, 0).Disagrees)
                    {
                        onDisagreement(json.ToArray(), 0);
                    }

                    var cut = json.AsSpan(0, offset + length);
                    if (ScannerComparison.Run(cut, 0).Disagrees)
                    {
                        onDisagreement(cut.ToArray(), 0);
                    }

                    compared += 2;
                    var digit = length - 1;
                    while (digit >= 0 && ++symbols[digit] == alphabet.Length)
                    {
                        symbols[digit--] = 0;
                    }

                    if (digit < 0)
                    {
                        break;
                    }
                }
            }
        }

        return compared;
    }
}
