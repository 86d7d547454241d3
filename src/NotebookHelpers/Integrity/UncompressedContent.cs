using System.IO.Compression;
using System.Security.Cryptography;

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
        Copy(path, output);
        return output.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of the uncompressed content, streamed.</summary>
    /// <exception cref="InvalidDataException">The gzip data is damaged; the message names the file and offset.</exception>
    public static string Sha256Hex(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var sink = new HashingStream(sha))
        {
            Copy(path, sink);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Copy(string path, Stream destination)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var isGzip = file.Length >= 2 && file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        if (!isGzip)
        {
            file.CopyTo(destination);
            return;
        }

        using var counting = new CountingStream(destination);
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            gzip.CopyTo(counting);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: damaged gzip data after {counting.Written:N0} uncompressed bytes ({e.Message})", e);
        }

        // GZipStream ends quietly when the file is cut short; the trailer's ISIZE (length mod 2^32 of the one member
        // CloudTrail writes) tells a complete file from a truncated one.
        Span<byte> trailer = stackalloc byte[4];
        var recorded = 0u;
        if (file.Length >= 18)
        {
            file.Position = file.Length - 4;
            file.ReadExactly(trailer);
            recorded = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        if (file.Length < 18 || recorded != (uint)counting.Written)
        {
            throw new InvalidDataException($"{path}: damaged gzip data: its trailer records {recorded:N0} uncompressed bytes, {counting.Written:N0} were read (cut short or altered)");
        }
    }

    private sealed class HashingStream(IncrementalHash sha) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => sha.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => sha.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
