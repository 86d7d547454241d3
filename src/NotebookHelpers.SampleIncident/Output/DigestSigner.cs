using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Integrity;
using NotebookHelpers.SampleIncident.Randomness;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Signs the sample's digest files the way CloudTrail signs digests (the library's <see cref="DigestSignature"/>),
/// with the sample's own 2048-bit key pair derived from the seed, and writes what a validator needs: each digest's
/// signature as its S3 metadata (<c>KEY.metadata.json</c>) and the public key in ListPublicKeys shape, labelled as the
/// sample's key. CloudTrail's real private key is AWS's; only this key can make the sample verifiable.
/// </summary>
internal sealed class DigestSigner : IDisposable
{
    /// <summary>The key's validity, as ListPublicKeys reports one (CloudTrail rotates keys about monthly).</summary>
    public static readonly DateTimeOffset ValidFrom = new(2025, 2, 24, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset ValidTo = ValidFrom.AddDays(30);

    private readonly RSA _rsa;

    public DigestSigner(long seed)
    {
        _rsa = RSA.Create(DeterministicRsaKey.For($"NotebookHelpers sample incident digest signing key, seed {seed}"));
        PublicKeyDer = _rsa.ExportRSAPublicKey();
        Fingerprint = CloudTrailPublicKey.FingerprintOf(PublicKeyDer);
    }

    /// <summary>The public key, DER PKCS #1, as ListPublicKeys returns it (base64).</summary>
    public byte[] PublicKeyDer { get; }

    /// <summary>The key's fingerprint (MD5 of the DER), the digests' <c>digestPublicKeyFingerprint</c>.</summary>
    public string Fingerprint { get; }

    /// <summary>The hex signature of a digest.</summary>
    public string Sign(string endTime, string bucket, string key, byte[] uncompressed, string? previousSignature) =>
        DigestSignature.Sign(_rsa, DigestSignature.StringToSign(endTime, bucket, key, Convert.ToHexStringLower(SHA256.HashData(uncompressed)), previousSignature));

    /// <summary>The digest object's metadata as <c>aws s3api head-object</c> prints it; the ETag is the MD5 of the stored bytes.</summary>
    public static byte[] Metadata(string signature, string storedFile) =>
        new S3ObjectMetadata(signature, DigestSignature.Algorithm).ToJson(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(storedFile))));

    /// <summary>Writes the public key in ListPublicKeys shape, with a note saying whose key it is.</summary>
    public void WritePublicKeys(string path)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("Note",
                "The sample incident's own digest signing key, derived from the generator's seed (src/NotebookHelpers.SampleIncident). " +
                "It is NOT an AWS key: it validates the sample's digest files and nothing else. Shaped like a CloudTrail ListPublicKeys response.");
            w.WriteStartArray("PublicKeyList");
            w.WriteStartObject();
            w.WriteString("Value", Convert.ToBase64String(PublicKeyDer));
            w.WriteNumber("ValidityStartTime", ValidFrom.ToUnixTimeSeconds());
            w.WriteNumber("ValidityEndTime", ValidTo.ToUnixTimeSeconds());
            w.WriteString("Fingerprint", Fingerprint);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        File.WriteAllBytes(path, buffer.WrittenSpan.ToArray());
    }

    public void Dispose() => _rsa.Dispose();
}
