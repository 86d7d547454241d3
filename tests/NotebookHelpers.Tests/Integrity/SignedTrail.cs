using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookHelpers.Tests.Integrity;

/// <summary>
/// A trail copy written the way CloudTrail delivers it, signed with a key pair generated here: hourly digests (JSON,
/// gzipped) listing the gzipped log files of their hour with the SHA-256 of their uncompressed bytes, chained by the
/// previous digest's key, hash and signature, each signed SHA256withRSA over the data signing string of the AWS guide
/// (built here on its own, not with the library's code, so a wrong string in either fails the tests), the signature
/// in hex in the object's metadata (saved beside it as KEY.metadata.json) and the public key as ListPublicKeys
/// returns it (base64 PKCS #1 DER, fingerprint = MD5 of the DER).
/// </summary>
public sealed class SignedTrail : IDisposable
{
    public const string Bucket = "org-trail-logs";
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    public const string TrailName = "main-trail";

    private static readonly DateTimeOffset FirstDigestStart = new(2025, 3, 11, 0, 17, 43, TimeSpan.Zero);
    private string? _previousKey;
    private string? _previousHash;
    private string? _lastSignature;
    private int _files;

    public SignedTrail(string root, string account = Account, string region = Region)
    {
        Root = root;
        AccountId = account;
        RegionName = region;
        Key = RSA.Create(2048);
    }

    public string Root { get; }

    public string AccountId { get; }

    public string RegionName { get; }

    /// <summary>The signing key pair (CloudTrail's private key, in this test).</summary>
    public RSA Key { get; }

    /// <summary>Digest keys in delivery order.</summary>
    public List<string> DigestKeys { get; } = [];

    /// <summary>Log keys in delivery order, with the hour they belong to.</summary>
    public List<(string Key, int Hour)> LogKeys { get; } = [];

    /// <summary>Where the next digest's hour starts.</summary>
    public DateTimeOffset NextStart { get; private set; } = FirstDigestStart;

    public static string Fingerprint(RSA key) => Convert.ToHexStringLower(MD5.HashData(key.ExportRSAPublicKey()));

    /// <summary>The ListPublicKeys response for <paramref name="keys"/>.</summary>
    public static string PublicKeysJson(params RSA[] keys) =>
        new JsonObject
        {
            ["PublicKeyList"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject
            {
                ["Value"] = Convert.ToBase64String(k.ExportRSAPublicKey()),
                ["ValidityStartTime"] = 1740787200.0,
                ["ValidityEndTime"] = 1743465600.0,
                ["Fingerprint"] = Fingerprint(k),
            })]),
        }.ToJsonString();

    /// <summary>Writes this trail's public key in ListPublicKeys shape and returns its path.</summary>
    public string WritePublicKeys(string path)
    {
        File.WriteAllText(path, PublicKeysJson(Key));
        return path;
    }

    /// <summary>The local path of a key.</summary>
    public string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Delivers one hour: a log file per entry of <paramref name="logs"/> (each a list of eventIDs), then the digest
    /// covering them. An empty list writes an empty digest. Returns the digest key.
    /// </summary>
    public string DeliverHour(params string[][] logs)
    {
        var start = NextStart;
        var end = start.AddHours(1);
        var hour = DigestKeys.Count;
        var entries = new JsonArray();
        foreach (var (ids, i) in logs.Select((l, i) => (l, i)))
        {
            var delivered = start.AddMinutes(5 + (5 * i));
            var key = LogKey(delivered);
            var content = Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', ids.Select(id =>
                $$"""{"eventVersion":"1.08","eventTime":"{{delivered.AddMinutes(-2):yyyy-MM-ddTHH:mm:ssZ}}","eventSource":"iam.amazonaws.com","eventName":"ListUsers","awsRegion":"{{RegionName}}","eventID":"{{id}}","recipientAccountId":"{{AccountId}}"}""")) + "]}");
            WriteGzip(key, content);
            LogKeys.Add((key, hour));
            entries.Add(new JsonObject
            {
                ["s3Bucket"] = Bucket,
                ["s3Object"] = key,
                ["hashValue"] = Convert.ToHexStringLower(SHA256.HashData(content)),
                ["hashAlgorithm"] = "SHA-256",
                ["newestEventTime"] = Iso(delivered.AddMinutes(-2)),
                ["oldestEventTime"] = Iso(delivered.AddMinutes(-2)),
            });
        }

        var digestKey = DigestKey(end);
        var digest = new JsonObject
        {
            ["awsAccountId"] = AccountId,
            ["digestStartTime"] = Iso(start),
            ["digestEndTime"] = Iso(end),
            ["digestS3Bucket"] = Bucket,
            ["digestS3Object"] = digestKey,
            ["digestPublicKeyFingerprint"] = Fingerprint(Key),
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = logs.Length == 0 ? null : Iso(start),
            ["oldestEventTime"] = logs.Length == 0 ? null : Iso(start),
            ["previousDigestS3Bucket"] = _previousKey is null ? null : Bucket,
            ["previousDigestS3Object"] = _previousKey,
            ["previousDigestHashValue"] = _previousHash,
            ["previousDigestHashAlgorithm"] = _previousKey is null ? null : "SHA-256",
            ["previousDigestSignature"] = _lastSignature,
            ["logFiles"] = entries,
        };
        var bytes = Encoding.UTF8.GetBytes(digest.ToJsonString());
        var signature = Sign(Key, Iso(end), digestKey, bytes, _lastSignature);
        WriteGzip(digestKey, bytes);
        WriteMetadata(digestKey, signature);
        DigestKeys.Add(digestKey);
        _previousKey = digestKey;
        _previousHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _lastSignature = signature;
        NextStart = end;
        return digestKey;
    }

    /// <summary>Starts a new chain (validation turned off and on): the next digest is a starting digest, after a pause.</summary>
    public void Restart(TimeSpan pause)
    {
        _previousKey = null;
        _previousHash = null;
        _lastSignature = null;
        NextStart += pause;
    }

    /// <summary>The data signing string, from the AWS guide, and its SHA256withRSA signature in hex.</summary>
    public static string Sign(RSA key, string endTime, string digestKey, byte[] uncompressedDigest, string? previousSignature)
    {
        var toSign = endTime + "\n" + Bucket + "/" + digestKey + "\n" + Convert.ToHexStringLower(SHA256.HashData(uncompressedDigest)) + "\n" + (previousSignature ?? "null");
        return Convert.ToHexStringLower(key.SignData(Encoding.UTF8.GetBytes(toSign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Writes a digest's metadata file (its own signature) as head-object prints it.</summary>
    public void WriteMetadata(string digestKey, string signature) =>
        File.WriteAllText(PathOf(digestKey) + ".metadata.json",
            new JsonObject { ["Metadata"] = new JsonObject { ["signature"] = signature, ["signature-algorithm"] = "SHA256withRSA" } }.ToJsonString());

    /// <summary>A log file put in the bucket by someone else, named like CloudTrail's, in this trail's folder.</summary>
    public string AddForeignLogFile(DateTimeOffset delivered, string eventId)
    {
        var key = LogKey(delivered);
        WriteGzip(key, Encoding.UTF8.GetBytes($$"""{"Records":[{"eventID":"{{eventId}}","eventTime":"{{delivered:yyyy-MM-ddTHH:mm:ssZ}}","eventName":"ListUsers"}]}"""));
        return key;
    }

    /// <summary>The uncompressed bytes of an object.</summary>
    public byte[] Read(string key)
    {
        using var gz = new GZipStream(File.OpenRead(PathOf(key)), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    public void WriteGzip(string key, byte[] content)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(content);
    }

    public void Dispose() => Key.Dispose();

    private string LogKey(DateTimeOffset delivered) =>
        string.Create(CultureInfo.InvariantCulture,
            $"AWSLogs/{AccountId}/CloudTrail/{RegionName}/{delivered:yyyy'/'MM'/'dd}/{AccountId}_CloudTrail_{RegionName}_{delivered:yyyyMMdd'T'HHmm}Z_{_files++:D4}abcdEFGH1234.json.gz");

    private string DigestKey(DateTimeOffset end) =>
        string.Create(CultureInfo.InvariantCulture,
            $"AWSLogs/{AccountId}/CloudTrail-Digest/{RegionName}/{end:yyyy'/'MM'/'dd}/{AccountId}_CloudTrail-Digest_{RegionName}_{TrailName}_us-east-1_{end:yyyyMMdd'T'HHmmss}Z.json.gz");

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
