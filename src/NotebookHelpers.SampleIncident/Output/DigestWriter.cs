using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.SampleIncident.Records;
using NotebookHelpers.SampleIncident.Scenario;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// Writes hourly CloudTrail digest files (log file validation) for the production account on the day of the
/// incident. Hashes of log files and of the previous digest are real SHA-256 values of the files written here;
/// the RSA signatures are random hex, because only AWS holds the signing key: a validator will say so.
/// </summary>
internal sealed class DigestWriter
{
    private const string PublicKeyFingerprint = "7a1d3f0c9e6b4a2858c1e07d94b3f6a2";

    private readonly string _root;
    private readonly CompressionLevel _level;
    private readonly DeterministicRandom _random;
    private readonly List<DeliveredLogFile> _files = [];

    public DigestWriter(string root, long seed, CompressionLevel level)
    {
        _root = root;
        _level = level;
        _random = DeterministicRandom.Create(seed, "digest");
    }

    public static readonly IReadOnlyList<string> DigestRegions = Regions.InUse;

    public int FilesWritten { get; private set; }

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
            && file.DeliveredAt > Timeline.IncidentDay && file.DeliveredAt <= Timeline.IncidentDay.AddDays(1))
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
            // Digests are cut at a fixed minute past the hour, set by when the trail was created.
            var start = Timeline.IncidentDay.AddMinutes(17).AddSeconds(43);
            for (var hour = 0; hour < 24; hour++)
            {
                var end = start.AddHours(1);
                var included = _files.Where(f => f.Region == region && f.DeliveredAt > start && f.DeliveredAt <= end)
                    .OrderBy(f => f.DeliveredAt).ThenBy(f => f.ObjectKey, StringComparer.Ordinal).ToList();
                var day = end.UtcDateTime;
                var key = $"AWSLogs/{Accounts.OrganizationId}/{Accounts.Production}/CloudTrail-Digest/{region}/{day:yyyy}/{day:MM}/{day:dd}/" +
                          $"{Accounts.Production}_CloudTrail-Digest_{region}_{Accounts.TrailName}_{Accounts.TrailHomeRegion}_{day:yyyyMMdd'T'HHmmss'Z'}.json.gz";
                var body = Render(start, end, key, previousKey, previousHash, previousSignature, included);
                DeterministicGzipWriter.WriteFile(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)), body, _level);
                FilesWritten++;
                previousKey = key;
                previousHash = Convert.ToHexStringLower(SHA256.HashData(body));
                previousSignature = _random.Hex(512);
                start = end;
            }
        }
    }

    private static byte[] Render(DateTimeOffset start, DateTimeOffset end, string key, string? previousKey, string? previousHash,
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
            w.WriteString("digestPublicKeyFingerprint", PublicKeyFingerprint);
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
