using System.Text;

namespace NotebookHelpers.SampleIncident.Randomness;

/// <summary>
/// A seeded xoshiro256** generator. The sample incident must come out byte-identical on every machine and every
/// .NET version, so it never uses <see cref="Random"/> (whose algorithm is an implementation detail) or the clock.
/// Each activity draws from its own named stream, so adding one activity does not shift the numbers of the others.
/// </summary>
internal sealed class DeterministicRandom
{
    private const string LowerHex = "0123456789abcdef";
    private const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string MixedAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private DeterministicRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>The stream named <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static DeterministicRandom Create(long seed, string stream)
    {
        // FNV-1a over the stream name: stable, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(stream))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return new DeterministicRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ hash);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An exponentially distributed wait with the given mean, for Poisson arrivals.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A lowercase version-4 UUID, the shape of eventID and most requestIDs.</summary>
    public string Uuid()
    {
        Span<char> c = stackalloc char[36];
        for (var i = 0; i < 36; i++)
        {
            c[i] = LowerHex[Next(16)];
        }

        c[8] = c[13] = c[18] = c[23] = '-';
        c[14] = '4';
        c[19] = LowerHex[8 + Next(4)];
        return new string(c);
    }

    /// <summary>An uppercase UUID, the shape of the CLI's RunInstances clientToken.</summary>
    public string UpperUuid() => Uuid().ToUpperInvariant();

    public string Hex(int length) => Chars(length, LowerHex);

    /// <summary>Uppercase letters and digits: S3 request IDs, key suffixes.</summary>
    public string UpperAlnum(int length) => Chars(length, UpperAlphanumeric);

    /// <summary>Mixed-case letters and digits: the 16-character suffix of a CloudTrail log file name.</summary>
    public string MixedAlnum(int length) => Chars(length, MixedAlphanumeric);

    public string Base64(int length) => Chars(length, Base64Alphabet);

    public string Digits(int length) => Chars(length, "0123456789");

    public string Chars(int length, string alphabet)
    {
        return string.Create(length, (this, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.Item1.Next(state.alphabet.Length)];
            }
        });
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
