using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NotebookHelpers.Integrity;

/// <summary>
/// How CloudTrail signs a digest file, as the AWS guide "Custom implementations of CloudTrail log file integrity
/// validation" documents it: SHA256withRSA (RSASSA-PKCS1-v1_5 over SHA-256) of the UTF-8 string
/// <c>digestEndTime \n digestS3Bucket/digestS3Object \n hex(SHA-256(uncompressed digest)) \n previousDigestSignature</c>,
/// the signature written as lowercase hex. A starting digest has no previous signature; the string then ends in
/// <c>null</c>, as the AWS CLI's validator (after CloudTrail's Java implementation) builds it.
/// </summary>
public static class DigestSignature
{
    /// <summary>The only algorithm CloudTrail uses (<c>digestSignatureAlgorithm</c>, <c>x-amz-meta-signature-algorithm</c>).</summary>
    public const string Algorithm = "SHA256withRSA";

    /// <summary>The data signing string of a digest.</summary>
    /// <param name="digestEndTime">The digest's <c>digestEndTime</c>, exactly as written in it.</param>
    /// <param name="bucket">Its <c>digestS3Bucket</c>.</param>
    /// <param name="key">Its <c>digestS3Object</c>.</param>
    /// <param name="digestSha256Hex">Lowercase hex SHA-256 of the uncompressed digest file.</param>
    /// <param name="previousSignature">Its <c>previousDigestSignature</c>, null in a starting digest.</param>
    public static byte[] StringToSign(string digestEndTime, string bucket, string key, string digestSha256Hex, string? previousSignature)
    {
        ArgumentNullException.ThrowIfNull(digestEndTime);
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(digestSha256Hex);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{digestEndTime}\n{bucket}/{key}\n{digestSha256Hex}\n{previousSignature ?? "null"}"));
    }

    /// <summary>Signs <paramref name="stringToSign"/> as CloudTrail does and returns the lowercase hex signature.</summary>
    public static string Sign(RSA privateKey, ReadOnlySpan<byte> stringToSign)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToHexStringLower(privateKey.SignData(stringToSign, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>True when <paramref name="hexSignature"/> is a valid SHA256withRSA signature of <paramref name="stringToSign"/>.</summary>
    public static bool Verify(RSA publicKey, ReadOnlySpan<byte> stringToSign, string hexSignature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(hexSignature);
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(hexSignature.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return publicKey.VerifyData(stringToSign, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
