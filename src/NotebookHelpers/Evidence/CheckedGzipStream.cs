using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Decompresses gzip and checks what <see cref="GZipStream"/> does not: that the data ends with the trailer of what
/// was decompressed. GZipStream ends quietly when the file is cut short (a stopped download, a full disk), anywhere
/// from its header to its last byte, so a cut CloudTrail object would read as truncated JSON, or as complete. At the
/// end of the data, this compares the CRC-32 and size (mod 2^32) of everything decompressed with the last 8 bytes of
/// the input, and throws <see cref="InvalidDataException"/> when they differ, which the reader reports as
/// <see cref="ReadProblemKind.CorruptCompression"/> after keeping every record read before it. It assumes one gzip
/// member, as CloudTrail and CloudWatch Logs write: a file of several concatenated members reads whole but is reported.
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyForwardStream
{
    // A gzip member is at least a 10-byte header, an empty deflate block and an 8-byte trailer.
    private const int MinimumLength = 18;

    private readonly TailStream _input;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    /// <summary>Decompresses <paramref name="compressed"/>, which it owns.</summary>
    public CheckedGzipStream(Stream compressed)
    {
        _input = new TailStream(compressed);
        _gzip = new GZipStream(_input, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _length += n;
            return n;
        }

        if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            Verify();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Verify()
    {
        var c = CultureInfo.InvariantCulture;
        if (_input.Total < MinimumLength)
        {
            throw new InvalidDataException(string.Create(c, $"the compressed data ends inside its gzip header ({_input.Total:N0} bytes): the file is cut short"));
        }

        var tail = _input.Tail;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_length)
        {
            throw new InvalidDataException(string.Create(c,
                $"the compressed data stops without the gzip trailer of the {_length:N0} bytes it decompressed to: the file is cut short or damaged"));
        }
    }

    // Passes the compressed bytes through, remembering how many there were and the last eight (the gzip trailer).
    private sealed class TailStream(Stream source) : ReadOnlyForwardStream
    {
        private readonly byte[] _tail = new byte[8];

        public long Total { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail;

        public override int Read(Span<byte> buffer)
        {
            var n = source.Read(buffer);
            if (n >= _tail.Length)
            {
                buffer.Slice(n - _tail.Length, _tail.Length).CopyTo(_tail);
            }
            else if (n > 0)
            {
                // Shift the kept bytes left and append the new ones.
                _tail.AsSpan(n).CopyTo(_tail);
                buffer[..n].CopyTo(_tail.AsSpan(_tail.Length - n));
            }

            Total += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
