using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;

namespace NotebookHelpers.SampleIncident.Randomness;

/// <summary>
/// A 2048-bit RSA key pair derived from a seed: two 1024-bit primes drawn from an <see cref="HmacDrbg"/> (top two bits
/// set, so the modulus has exactly 2048 bits), tested by trial division and 40 Miller–Rabin rounds with bases from the
/// same stream, public exponent 65537. The same seed gives the same key on every machine and .NET version.
/// </summary>
internal static class DeterministicRsaKey
{
    private const int PrimeBytes = 128;
    private const int MillerRabinRounds = 40;
    private static readonly BigInteger PublicExponent = 65537;
    private static readonly int[] SmallPrimes = Sieve(2000);

    // Deriving a key costs a few hundred milliseconds of CPU (Miller–Rabin over 1024-bit candidates), about a fifth of
    // generating the committed sample; a process that generates the sample several times (the test suite, a notebook
    // rerun) derives each seed's key once. Lazy makes concurrent first callers share one derivation. A process sees a
    // handful of seeds, so the cache is never trimmed (about 1 KB per seed).
    private static readonly ConcurrentDictionary<string, Lazy<RSAParameters>> Derived = new(StringComparer.Ordinal);

    /// <summary>
    /// The key pair for <paramref name="seedMaterial"/>, derived once per process and then copied from the cache: the
    /// same parameters as <see cref="Create"/>, in arrays the caller owns.
    /// </summary>
    public static RSAParameters For(string seedMaterial) =>
        Copy(Derived.GetOrAdd(seedMaterial, material => new Lazy<RSAParameters>(() => Create(material), LazyThreadSafetyMode.ExecutionAndPublication)).Value);

    /// <summary>The key pair's parameters for <paramref name="seedMaterial"/>, derived afresh on every call.</summary>
    public static RSAParameters Create(string seedMaterial)
    {
        var drbg = new HmacDrbg(seedMaterial);
        var p = Prime(drbg);
        BigInteger q;
        do
        {
            q = Prime(drbg);
        }
        while (q == p);

        if (p < q)
        {
            (p, q) = (q, p);
        }

        var n = p * q;
        var phi = (p - 1) * (q - 1);
        var d = ModInverse(PublicExponent, phi);
        return new RSAParameters
        {
            Modulus = Bytes(n, 2 * PrimeBytes),
            Exponent = Bytes(PublicExponent, 3),
            D = Bytes(d, 2 * PrimeBytes),
            P = Bytes(p, PrimeBytes),
            Q = Bytes(q, PrimeBytes),
            DP = Bytes(d % (p - 1), PrimeBytes),
            DQ = Bytes(d % (q - 1), PrimeBytes),
            InverseQ = Bytes(ModInverse(q, p), PrimeBytes),
        };
    }

    private static RSAParameters Copy(RSAParameters key) => new()
    {
        Modulus = (byte[])key.Modulus!.Clone(),
        Exponent = (byte[])key.Exponent!.Clone(),
        D = (byte[])key.D!.Clone(),
        P = (byte[])key.P!.Clone(),
        Q = (byte[])key.Q!.Clone(),
        DP = (byte[])key.DP!.Clone(),
        DQ = (byte[])key.DQ!.Clone(),
        InverseQ = (byte[])key.InverseQ!.Clone(),
    };

    private static BigInteger Prime(HmacDrbg drbg)
    {
        while (true)
        {
            var bytes = drbg.Generate(PrimeBytes);
            bytes[0] |= 0xC0;
            bytes[^1] |= 0x01;
            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            if (SmallPrimes.Any(s => candidate % s == 0) || (candidate - 1) % PublicExponent == 0)
            {
                continue;
            }

            if (IsProbablePrime(candidate, drbg))
            {
                return candidate;
            }
        }
    }

    private static bool IsProbablePrime(BigInteger n, HmacDrbg drbg)
    {
        var d = n - 1;
        var r = 0;
        while (d.IsEven)
        {
            d >>= 1;
            r++;
        }

        for (var round = 0; round < MillerRabinRounds; round++)
        {
            var a = (new BigInteger(drbg.Generate(PrimeBytes), isUnsigned: true, isBigEndian: true) % (n - 3)) + 2;
            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            var witness = true;
            for (var i = 1; i < r && witness; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                witness = x != n - 1;
            }

            if (witness)
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger ModInverse(BigInteger value, BigInteger modulus)
    {
        BigInteger oldR = value, r = modulus, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            var quotient = BigInteger.Divide(oldR, r);
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }

        if (!oldR.IsOne)
        {
            throw new CryptographicException("no modular inverse: the values are not coprime.");
        }

        return ((oldS % modulus) + modulus) % modulus;
    }

    private static byte[] Bytes(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length > length)
        {
            throw new CryptographicException($"{raw.Length} bytes do not fit in {length}.");
        }

        var padded = new byte[length];
        raw.CopyTo(padded, length - raw.Length);
        return padded;
    }

    private static int[] Sieve(int limit)
    {
        var composite = new bool[limit];
        var primes = new List<int>();
        for (var i = 2; i < limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = i * i; j < limit; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
