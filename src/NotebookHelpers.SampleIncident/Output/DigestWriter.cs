using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.Integrity;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Writes hourly CloudTrail digest files (log file validation) for the production account on the day of the
/// incident, chained and signed as CloudTrail does (<see cref="DigestSigner"/>, with the sample's own key): real
/// SHA-256 values of the log files and of the previous digest, each digest's signature in the next one and in its
/// S3 metadata file.
/// </summary>
internal sealed class DigestWriter
{
    // Digests are cut at a fixed minute past the hour, set by when the trail was created; 24 of them cover the day.
    private static readonly DateTimeOffset FirstDigestStart = Timeline.IncidentDay.AddMinutes(17).AddSeconds(43);
    private static readonly DateTimeOffset LastDigestEnd = FirstDigestStart.AddDays(1);

    private readonly string _root;
    private readonly CompressionLevel _level;
    private readonly DigestSigner _signer;
    private readonly List<DeliveredLogFile> _files = [];
    private readonly Dictionary<string, string> _listedBy = new(StringComparer.Ordinal);

    public DigestWriter(string root, DigestSigner signer, CompressionLevel level)
    {
        _root = root;
        _level = level;
        _signer = signer;
    }

    public static readonly IReadOnlyList<string> DigestRegions = Regions.InUse;

    public int FilesWritten { get; private set; }

    /// <summary>The log objects the digests list (production, us-east-1 and eu-west-1, the incident day).</summary>
    public IReadOnlyList<DeliveredLogFile> Listed => _files;

    /// <summary>The key of the digest that lists <paramref name="objectKey"/>.</summary>
    public string DigestOf(string objectKey) => _listedBy[objectKey];

    /// <summary>Called from the writer thread as log objects are written.</summary>
    public void Add(DeliveredLogFile file)
    {
        lock (_files)
        {
            AddLocked(file);
        }
    }

    private void AddLocked(DeliveredLogFile file)
    {
        if (file.AccountId == Accounts.Production && DigestRegions.Contains(file.Region)
            && file.DeliveredAt > FirstDigestStart && file.DeliveredAt <= LastDigestEnd)
        {
            _files.Add(file);
        }
    }

    public void Complete()
    {
        foreach (var region in DigestRegions)
        {
            string? previousKey = null;
            string? previousHash = null;
            string? previousSignature = null;
            var start = FirstDigestStart;
            for (var hour = 0; hour < 24; hour++)
            {
                var end = start.AddHours(1);
                var included = _files.Where(f => f.Region == region && f.DeliveredAt > start && f.DeliveredAt <= end)
                    .OrderBy(f => f.DeliveredAt).ThenBy(f => f.ObjectKey, StringComparer.Ordinal).ToList();
                var day = end.UtcDateTime;
                var key = $"AWSLogs/{Accounts.OrganizationId}/{Accounts.Production}/CloudTrail-Digest/{region}/{day:yyyy}/{day:MM}/{day:dd}/" +
                          $"{Accounts.Production}_CloudTrail-Digest_{region}_{Accounts.TrailName}_{Accounts.TrailHomeRegion}_{day:yyyyMMdd'T'HHmmss'Z'}.json.gz";
                var body = Render(start, end, key, previousKey, previousHash, previousSignature, included);
                var path = Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
                DeterministicGzipWriter.WriteFile(path, body, _level);
                var signature = _signer.Sign(Timestamps.Iso(end), Accounts.TrailBucket, key, body, previousSignature);
                File.WriteAllBytes(S3ObjectMetadata.PathFor(path), DigestSigner.Metadata(signature, path));
                FilesWritten++;
                foreach (var f in included)
                {
                    _listedBy[f.ObjectKey] = key;
                }

                previousKey = key;
                previousHash = Convert.ToHexStringLower(SHA256.HashData(body));
                previousSignature = signature;
                start = end;
            }
        }
    }

    private byte[] Render(DateTimeOffset start, DateTimeOffset end, string key, string? previousKey, string? previousHash,
        string? previousSignature, List<DeliveredLogFile> files)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("awsAccountId", Accounts.Production);
            w.WriteString("digestStartTime", Timestamps.Iso(start));
            w.WriteString("digestEndTime", Timestamps.Iso(end));
            w.WriteString("digestS3Bucket", Accounts.TrailBucket);
            w.WriteString("digestS3Object", key);
            w.WriteString("digestPublicKeyFingerprint", _signer.Fingerprint);
            w.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
            if (files.Count > 0)
            {
                w.WriteString("newestEventTime", Timestamps.Iso(files.Max(f => f.NewestEventTime)));
                w.WriteString("oldestEventTime", Timestamps.Iso(files.Min(f => f.OldestEventTime)));
            }
            else
            {
                w.WriteNull("newestEventTime");
                w.WriteNull("oldestEventTime");
            }

            WriteOptional(w, "previousDigestS3Bucket", previousKey is null ? null : Accounts.TrailBucket);
            WriteOptional(w, "previousDigestS3Object", previousKey);
            WriteOptional(w, "previousDigestHashValue", previousHash);
            WriteOptional(w, "previousDigestHashAlgorithm", previousKey is null ? null : "SHA-256");
            WriteOptional(w, "previousDigestSignature", previousSignature);
            w.WriteStartArray("logFiles");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("s3Bucket", Accounts.TrailBucket);
                w.WriteString("s3Object", f.ObjectKey);
                w.WriteString("hashValue", f.Sha256Hex);
                w.WriteString("hashAlgorithm", "SHA-256");
                w.WriteString("newestEventTime", Timestamps.Iso(f.NewestEventTime));
                w.WriteString("oldestEventTime", Timestamps.Iso(f.OldestEventTime));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
