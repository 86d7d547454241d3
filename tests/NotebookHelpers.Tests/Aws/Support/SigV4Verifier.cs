using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NotebookHelpers.Tests.Aws.Support;

/// <summary>
/// An independent SigV4 check (no AWS SDK code): rebuilds the canonical request from what arrived on the wire,
/// derives the signing key from the known secret with HMAC-SHA256 and compares signatures.
/// </summary>
public static class SigV4Verifier
{
    /// <summary>The outcome of checking one request.</summary>
    public sealed record Result(bool IsValid, string? Problem, string? AccessKeyId, string? Region, string? Service, string? AmzDate);

    /// <summary>The access key id in a request's Authorization header, or null when unsigned.</summary>
    public static string? AccessKeyOf(IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("authorization", out var authorization))
        {
            return null;
        }

        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += "Credential=".Length;
        var end = authorization.IndexOf('/', start);
        return end < 0 ? null : authorization[start..end];
    }

    /// <summary>Checks a request's Authorization header against <paramref name="secretKey"/>.</summary>
    public static Result Verify(
        string method,
        string rawTarget,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        string secretKey)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return new Result(false, "no AWS4-HMAC-SHA256 Authorization header", null, null, null, null);
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var credential = parts.GetValueOrDefault("Credential", "").Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request")
        {
            return new Result(false, "malformed Credential", null, null, null, null);
        }

        var (accessKey, date, region, service) = (credential[0], credential[1], credential[2], credential[3]);
        if (!headers.TryGetValue("x-amz-date", out var amzDate) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return new Result(false, "X-Amz-Date missing or not on the credential's date", accessKey, region, service, null);
        }

        var signedHeaders = parts.GetValueOrDefault("SignedHeaders", "").Split(';');
        if (!signedHeaders.Contains("host"))
        {
            return new Result(false, "host is not signed", accessKey, region, service, amzDate);
        }

        var payloadHash = Hex(SHA256.HashData(body));
        if (headers.TryGetValue("x-amz-content-sha256", out var claimed) && claimed != payloadHash && claimed != "UNSIGNED-PAYLOAD")
        {
            return new Result(false, "x-amz-content-sha256 does not match the body", accessKey, region, service, amzDate);
        }

        if (claimed == "UNSIGNED-PAYLOAD")
        {
            payloadHash = claimed;
        }

        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? "" : rawTarget[(question + 1)..];
        var canonicalPath = service == "s3" ? path : EncodePath(path);
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            if (!headers.TryGetValue(name, out var value))
            {
                return new Result(false, $"signed header '{name}' was not sent", accessKey, region, service, amzDate);
            }

            canonicalHeaders.Append(name).Append(':').Append(CollapseSpaces(value.Trim())).Append('\n');
        }

        var canonicalRequest = string.Join('\n', method, canonicalPath, CanonicalQuery(query), canonicalHeaders.ToString(), string.Join(';', signedHeaders), payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        var actual = parts.GetValueOrDefault("Signature", "");
        return expected == actual
            ? new Result(true, null, accessKey, region, service, amzDate)
            : new Result(false, "signature mismatch", accessKey, region, service, amzDate);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0)
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    // Non-S3 services encode each path segment twice; for "/" this is "/".
    private static string EncodePath(string path) =>
        string.Join('/', path.Split('/').Select(segment => Encode(Encode(Uri.UnescapeDataString(segment)))));

    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var sb = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    sb.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                sb.Append(c);
                previousSpace = false;
            }
        }

        return sb.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
