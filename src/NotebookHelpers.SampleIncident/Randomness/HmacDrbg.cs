using System.Security.Cryptography;
using System.Text;

namespace NotebookHelpers.SampleIncident.Randomness;

/// <summary>
/// HMAC_DRBG with SHA-256 (NIST SP 800-90A, no reseeding, no additional input): a byte stream fully determined by
/// its seed material, strong enough to draw the sample's RSA primes from. The sample needs a key pair that comes
/// out the same on every machine, which <see cref="RSA.Create()"/> cannot give (it cannot be seeded).
/// </summary>
internal sealed class HmacDrbg
{
    private byte[] _key = new byte[32];
    private byte[] _value = Enumerable.Repeat((byte)1, 32).ToArray();

    public HmacDrbg(string seedMaterial) => Update(Encoding.UTF8.GetBytes(seedMaterial));

    /// <summary>The next <paramref name="count"/> bytes.</summary>
    public byte[] Generate(int count)
    {
        var output = new byte[count];
        var written = 0;
        while (written < count)
        {
            _value = HMACSHA256.HashData(_key, _value);
            var n = Math.Min(_value.Length, count - written);
            _value.AsSpan(0, n).CopyTo(output.AsSpan(written));
            written += n;
        }

        Update([]);
        return output;
    }

    private void Update(byte[] data)
    {
        _key = HMACSHA256.HashData(_key, (byte[])[.. _value, 0x00, .. data]);
        _value = HMACSHA256.HashData(_key, _value);
        if (data.Length > 0)
        {
            _key = HMACSHA256.HashData(_key, (byte[])[.. _value, 0x01, .. data]);
            _value = HMACSHA256.HashData(_key, _value);
        }
    }
}
