using System.Security.Cryptography;

namespace NotebookHelpers.Integrity;

/// <summary>
/// One public key CloudTrail signs digest files with, as ListPublicKeys returns it: the DER bytes (PKCS #1
/// <c>RSAPublicKey</c>; a <c>SubjectPublicKeyInfo</c> is accepted too), its validity and its fingerprint, the hex MD5
/// of those DER bytes. A digest names the key it was signed with by that fingerprint.
/// </summary>
/// <param name="Fingerprint">Lowercase hex MD5 of <paramref name="Der"/>.</param>
/// <param name="Der">The key's DER bytes (the base64-decoded <c>Value</c>).</param>
/// <param name="ValidityStart">Start of the key's validity, when given.</param>
/// <param name="ValidityEnd">End of the key's validity, when given.</param>
/// <param name="Source">Where the key was read (file and entry), for messages.</param>
public sealed record CloudTrailPublicKey(string Fingerprint, byte[] Der, DateTimeOffset? ValidityStart, DateTimeOffset? ValidityEnd, string Source)
{
    /// <summary>The fingerprint CloudTrail gives a key: the lowercase hex MD5 of its DER bytes.</summary>
    public static string FingerprintOf(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(MD5.HashData(der));

    /// <summary>
    /// The RSA key; throws <see cref="CryptographicException"/> when the bytes are neither a PKCS #1 RSAPublicKey nor a
    /// SubjectPublicKeyInfo holding one.
    /// </summary>
    public RSA ImportRsa()
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPublicKey(Der, out var read);
            if (read == Der.Length)
            {
                return rsa;
            }
        }
        catch (CryptographicException)
        {
            // Not PKCS #1: ListPublicKeys has also returned SubjectPublicKeyInfo (the "MIIBIjAN…" example in the AWS guide).
        }

        try
        {
            rsa.ImportSubjectPublicKeyInfo(Der, out var read);
            if (read == Der.Length)
            {
                return rsa;
            }

            throw new CryptographicException($"{read} of {Der.Length} bytes form a key; the rest is not DER.");
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
