using System.Buffers;
using System.Security.Cryptography;
using NotebookHelpers.Evidence;

namespace NotebookHelpers.Integrity;

/// <summary>
/// The uncompressed bytes of a trail object, which is what CloudTrail hashes: gzip when the file starts with gzip's
/// magic bytes (every delivered object), else the file as it is (a copy someone decompressed). Damaged gzip data is
/// reported with the file and how far it could be read.
/// </summary>
public static class UncompressedContent
{
    /// <summary>Reads and decompresses a whole file (digests are small).</summary>
    /// <exception cref="InvalidDataException">The gzip data is damaged; the message names the file and offset.</exception>
    public static byte[] Read(string path)
    {
        using var output = new MemoryStream();
        Copy(path, output.Write);
        return output.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of the uncompressed content, streamed.</summary>
    /// <exception cref="InvalidDataException">The gzip data is damaged; the message names the file and offset.</exception>
    public static string Sha256Hex(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Copy(path, sha.AppendData);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // Gzip is read through the evidence reader's checked stream: a file cut short is caught by its trailer, and
    // several concatenated members are one content.
    private static void Copy(string path, Action<ReadOnlySpan<byte>> sink)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var isGzip = file.Length >= 2 && file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        using var gzip = isGzip ? new CheckedGzipStream(file) : null;
        var content = (Stream?)gzip ?? file;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long written = 0;
        try
        {
            int n;
            while ((n = content.Read(buffer)) > 0)
            {
                sink(buffer.AsSpan(0, n));
                written += n;
            }
        }
        catch (InvalidDataException e) when (isGzip)
        {
            throw new InvalidDataException($"{path}: damaged gzip data after {written:N0} uncompressed bytes ({e.Message})", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
