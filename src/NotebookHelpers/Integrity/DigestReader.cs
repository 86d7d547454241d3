using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace NotebookHelpers.Integrity;

/// <summary>
/// Reads a digest file (gzip or already decompressed) into a <see cref="DigestDocument"/>. Anything that is not a
/// readable digest (damaged gzip, invalid JSON, a missing or mistyped field) is a <see cref="DigestReadException"/>
/// naming the file and the position; nothing here throws anything else for bad input.
/// </summary>
public static class DigestReader
{
    private static readonly string[] Required =
        ["awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm", "logFiles"];

    /// <summary>Reads the digest at <paramref name="path"/>.</summary>
    /// <exception cref="DigestReadException">The file is unreadable or not a digest.</exception>
    public static DigestDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] content;
        try
        {
            content = UncompressedContent.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new DigestReadException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DigestReadException($"{path}: cannot read the digest file ({e.Message})", e);
        }

        return Parse(content, path);
    }

    /// <summary>Parses uncompressed digest bytes; <paramref name="name"/> names them in messages.</summary>
    /// <exception cref="DigestReadException">The bytes are not a digest.</exception>
    public static DigestDocument Parse(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{name}:line {e.LineNumber + 1}, byte {e.BytePositionInLine} of the line")
                : string.Create(CultureInfo.InvariantCulture, $"{name}@byte {e.BytePositionInLine}");
            throw new DigestReadException($"{where}: not JSON ({FirstSentence(e.Message)})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DigestReadException($"{name}@byte 0: a digest is a JSON object, this is {root.ValueKind}");
            }

            foreach (var field in Required)
            {
                if (!root.TryGetProperty(field, out _))
                {
                    throw new DigestReadException($"{name}: the digest field {field} is missing");
                }
            }

            var start = Text(root, "digestStartTime", name)!;
            var end = Text(root, "digestEndTime", name)!;
            foreach (var (field, value) in new[] { ("digestStartTime", start), ("digestEndTime", end) })
            {
                if (!DigestDocument.TryParseTime(value, out _))
                {
                    throw new DigestReadException($"{name}: {field} \"{value}\" is not a UTC time");
                }
            }

            return new DigestDocument
            {
                AccountId = Text(root, "awsAccountId", name)!,
                StartTimeText = start,
                EndTimeText = end,
                Bucket = Text(root, "digestS3Bucket", name)!,
                Key = Text(root, "digestS3Object", name)!,
                PublicKeyFingerprint = Text(root, "digestPublicKeyFingerprint", name)!,
                SignatureAlgorithm = Text(root, "digestSignatureAlgorithm", name)!,
                PreviousBucket = Text(root, "previousDigestS3Bucket", name, optional: true),
                PreviousKey = Text(root, "previousDigestS3Object", name, optional: true),
                PreviousHashValue = Text(root, "previousDigestHashValue", name, optional: true),
                PreviousSignature = Text(root, "previousDigestSignature", name, optional: true),
                LogFiles = LogFiles(root.GetProperty("logFiles"), name),
                Sha256Hex = Convert.ToHexStringLower(SHA256.HashData(content)),
            };
        }
    }

    private static List<DigestLogFile> LogFiles(JsonElement array, string name)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new DigestReadException($"{name}: logFiles is {array.ValueKind}, not an array");
        }

        var files = new List<DigestLogFile>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{name}: logFiles[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new DigestReadException($"{where} is not an object");
            }

            files.Add(new DigestLogFile(Text(item, "s3Bucket", where)!, Text(item, "s3Object", where)!, Text(item, "hashValue", where)!,
                Text(item, "hashAlgorithm", where)!));
        }

        return files;
    }

    private static string? Text(JsonElement element, string field, string where, bool optional = false)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return optional ? null : throw new DigestReadException($"{where}: {field} is missing or null");
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new DigestReadException($"{where}: {field} is {value.ValueKind}, not a string");
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
