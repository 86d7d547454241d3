using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The S3 metadata of a saved digest file, kept beside it as <c>KEY.metadata.json</c>. CloudTrail puts a digest's own
/// signature only in the object's metadata (<c>x-amz-meta-signature</c>, <c>x-amz-meta-signature-algorithm</c>), so a
/// plain copy cannot validate the newest digest of a chain; this file carries it. Its shape is what
/// <c>aws s3api head-object</c> prints (<c>{"ETag": …, "Metadata": {"signature": …, "signature-algorithm": …}}</c>), so
/// <c>aws s3api head-object --bucket B --key K &gt; K.metadata.json</c> makes one; <c>nbh fetch-trail</c> writes it.
/// </summary>
/// <param name="Signature">The digest's hex signature, when the metadata holds one.</param>
/// <param name="SignatureAlgorithm">The signature algorithm, when given.</param>
public sealed record S3ObjectMetadata(string? Signature, string? SignatureAlgorithm)
{
    /// <summary>What is appended to a digest's file name to name its metadata file.</summary>
    public const string FileSuffix = ".metadata.json";

    /// <summary>True when <paramref name="path"/> names a digest's metadata file (a digest's name plus <see cref="FileSuffix"/>).</summary>
    public static bool IsMetadataFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(FileSuffix, StringComparison.Ordinal) &&
               Evidence.CloudTrailObjectName.TryParse(Path.GetFileName(path[..^FileSuffix.Length])) is { IsDigest: true };
    }

    /// <summary>The metadata file of the digest at <paramref name="digestPath"/>.</summary>
    public static string PathFor(string digestPath) => digestPath + FileSuffix;

    /// <summary>Reads a metadata file.</summary>
    /// <exception cref="DigestReadException">The file is unreadable or not JSON; the message names it.</exception>
    public static S3ObjectMetadata Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var metadata = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Metadata", out var m) &&
                           m.ValueKind == JsonValueKind.Object
                ? m
                : document.RootElement;
            return From(metadata.ValueKind == JsonValueKind.Object
                ? metadata.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!))
                : []);
        }
        catch (JsonException e)
        {
            throw new DigestReadException($"{path}@byte {e.BytePositionInLine}: not JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DigestReadException($"{path}: cannot read ({e.Message})", e);
        }
    }

    /// <summary>
    /// The metadata of an S3 object from its user-metadata pairs, as the SDKs return them (<c>signature</c>, or
    /// <c>x-amz-meta-signature</c>, in any case).
    /// </summary>
    public static S3ObjectMetadata From(IEnumerable<(string Name, string Value)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        string? signature = null, algorithm = null;
        foreach (var (name, value) in pairs)
        {
            var bare = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name;
            if (bare.Equals("signature", StringComparison.OrdinalIgnoreCase))
            {
                signature = value;
            }
            else if (bare.Equals("signature-algorithm", StringComparison.OrdinalIgnoreCase))
            {
                algorithm = value;
            }
        }

        return new S3ObjectMetadata(signature, algorithm);
    }

    /// <summary>The metadata file's bytes (indented JSON in head-object's shape).</summary>
    public byte[] ToJson(string? etag = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (etag is not null)
            {
                w.WriteString("ETag", "\"" + etag.Trim('"') + "\"");
            }

            w.WriteStartObject("Metadata");
            if (Signature is not null)
            {
                w.WriteString("signature", Signature);
            }

            if (SignatureAlgorithm is not null)
            {
                w.WriteString("signature-algorithm", SignatureAlgorithm);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
