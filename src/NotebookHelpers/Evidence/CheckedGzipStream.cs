using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace NotebookHelpers.Evidence;

/// <summary>
/// Decompresses gzip and checks what <see cref="GZipStream"/> does not: that the data ends with the trailer of what
/// was decompressed. GZipStream ends quietly when the file is cut short (a stopped download, a full disk), anywhere
/// from its header to its last byte, so a cut CloudTrail object would read as truncated JSON, or as complete. At the
/// end of the data, this compares the CRC-32 and size (mod 2^32) of the last member's decompressed bytes with the last
/// 8 bytes of the input, and throws <see cref="InvalidDataException"/> when they differ, which the reader reports as
/// <see cref="ReadProblemKind.CorruptCompression"/> after keeping every record read before it.
/// A file may hold several members one after another (RFC 1952 allows it: <c>cat a.gz b.gz</c>), which GZipStream
/// decompresses as one stream. Each member's end is found from the input: a gzip header (<c>1F 8B 08</c>) the input
/// passes is a member boundary when the 8 bytes before it are the trailer of the member decompressed so far, which
/// the CRC-32 and size of that member's bytes confirm; the last member's trailer is then checked as above.
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyForwardStream
{
    // A gzip member is at least a 10-byte header, an empty deflate block and an 8-byte trailer.
    private const int MinimumLength = 18;

    private readonly TailStream _input;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private long _memberStart;
    private int _member;
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
            Account(buffer[..n]);
            return n;
        }

        if (buffer.Length > 0 && !_verified)
        {
            _verified = true;
            Account([]);
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

    // Adds decompressed bytes to the current member's CRC-32 and size; where a header the input has passed proves to
    // start the next member (its preceding trailer matches the member so far), the next member starts there. Every
    // header the input has passed is tried once per member, at the length its preceding trailer names: nearest first.
    private void Account(ReadOnlySpan<byte> output)
    {
        while (true)
        {
            MemberHeader? next = null;
            var nextEnd = long.MaxValue;
            foreach (var header in _input.Headers)
            {
                var end = _length + (uint)(header.Size - (uint)_length);
                if (header.TriedForMember != _member && end - _length <= output.Length && end < nextEnd)
                {
                    next = header;
                    nextEnd = end;
                }
            }

            if (next is null)
            {
                break;
            }

            var before = (int)(nextEnd - _length);
            _crc.Append(output[..before]);
            _length = nextEnd;
            output = output[before..];
            next.TriedForMember = _member;
            if (_crc.GetCurrentHashAsUInt32() == next.Crc)
            {
                _member++;
                _crc.Reset();
                _length = 0;
                _memberStart = next.Offset;
                _input.Headers.RemoveAll(h => h.Offset <= next.Offset);
            }
        }

        _crc.Append(output);
        _length += output.Length;
    }

    private void Verify()
    {
        var c = CultureInfo.InvariantCulture;
        if (_input.Total - _memberStart < MinimumLength)
        {
            throw new InvalidDataException(_member == 0
                ? string.Create(c, $"the compressed data ends inside its gzip header ({_input.Total:N0} bytes): the file is cut short")
                : string.Create(c, $"the gzip member {_member + 1} that starts at compressed byte {_memberStart:N0} ends inside its header: the file is cut short"));
        }

        var tail = _input.Tail;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_length)
        {
            throw new InvalidDataException(_member == 0
                ? string.Create(c, $"the compressed data stops without the gzip trailer of the {_length:N0} bytes it decompressed to: the file is cut short or damaged")
                : string.Create(c, $"the gzip member {_member + 1} that starts at compressed byte {_memberStart:N0} stops without the trailer of the {_length:N0} bytes it decompressed to: the file is cut short or damaged"));
        }
    }

    // A gzip header the compressed input passed, at Offset, and the trailer the 8 bytes before it would be.
    private sealed class MemberHeader(long offset, uint crc, uint size)
    {
        public long Offset { get; } = offset;

        public uint Crc { get; } = crc;

        public uint Size { get; } = size;

        public int TriedForMember { get; set; } = -1;
    }

    // Passes the compressed bytes through, remembering how many there were, the last eight (the gzip trailer) and
    // every gzip header (1F 8B 08) after the first with the eight bytes before it.
    private sealed class TailStream(Stream source) : ReadOnlyForwardStream
    {
        // Bytes kept from before the current read: a trailer and the first two bytes of a header.
        private const int Carry = 10;

        // Headers inside compressed data are rare (one per 16 MB of random bytes): more than this many pending is
        // hostile input, and the oldest, furthest behind the decompressor, are the ones that cannot matter.
        private const int MaxHeaders = 1024;

        private readonly byte[] _carry = new byte[Carry];

        // ID1, ID2 and CM (deflate) of a member header.
        private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B, 0x08];

        public long Total { get; private set; }

        public ReadOnlySpan<byte> Tail => _carry.AsSpan(Carry - 8);

        public List<MemberHeader> Headers { get; } = [];

        public override int Read(Span<byte> buffer)
        {
            var n = source.Read(buffer);
            if (n > 0)
            {
                FindHeaders(buffer[..n]);
                if (n >= Carry)
                {
                    buffer.Slice(n - Carry, Carry).CopyTo(_carry);
                }
                else
                {
                    // Shift the kept bytes left and append the new ones.
                    _carry.AsSpan(n).CopyTo(_carry);
                    buffer[..n].CopyTo(_carry.AsSpan(Carry - n));
                }

                Total += n;
            }

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

        // Each header is found once, in the read that brings its third byte: those starting in the last two kept
        // bytes or the first eight of this read are looked for in the kept bytes joined to this read's first ten, the
        // rest in this read alone.
        private void FindHeaders(ReadOnlySpan<byte> read)
        {
            Span<byte> joint = stackalloc byte[Carry + Carry];
            var head = Math.Min(read.Length, Carry);
            _carry.CopyTo(joint);
            read[..head].CopyTo(joint[Carry..]);
            for (var i = Carry - 2; i + 3 <= Carry + head; i++)
            {
                if (joint.Slice(i, 3).SequenceEqual(GzipMagic))
                {
                    Add(Total - Carry + i, joint.Slice(i - 8, 8));
                }
            }

            var from = Carry - 2;
            while (from < read.Length)
            {
                var at = read[from..].IndexOf(GzipMagic);
                if (at < 0)
                {
                    break;
                }

                Add(Total + from + at, read.Slice(from + at - 8, 8));
                from += at + 1;
            }
        }

        private void Add(long offset, ReadOnlySpan<byte> trailer)
        {
            if (offset < MinimumLength)
            {
                return;
            }

            if (Headers.Count == MaxHeaders)
            {
                Headers.RemoveAt(0);
            }

            Headers.Add(new MemberHeader(offset, BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..])));
        }
    }
}
