using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NotebookHelpers.SampleIncident.Output;

/// <summary>
/// A gzip file whose header is fixed (no name, mtime 0, OS byte 255), written around a raw deflate stream, so the
/// same content gives the same bytes on every operating system. <see cref="GZipStream"/> leaves the OS byte to
/// the platform's zlib.
/// </summary>
internal sealed class DeterministicGzipWriter : IDisposable
{
    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

    private readonly FileStream _file;
    private readonly DeflateStream _deflate;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _disposed;

    public DeterministicGzipWriter(string path, CompressionLevel level)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _file.Write(Header);
        _deflate = new DeflateStream(_file, level, leaveOpen: true);
    }

    /// <summary>Uncompressed bytes written so far.</summary>
    public long Length => _length;

    public void Write(ReadOnlySpan<byte> data)
    {
        _deflate.Write(data);
        _crc.Append(data);
        _length += data.Length;
    }

    public static long WriteFile(string path, ReadOnlySpan<byte> content, CompressionLevel level)
    {
        using (var gz = new DeterministicGzipWriter(path, level))
        {
            gz.Write(content);
        }

        return new FileInfo(path).Length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _deflate.Dispose();
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
        _file.Write(trailer);
        _file.Dispose();
    }
}
